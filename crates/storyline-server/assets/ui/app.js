// The storyline UI: renders one storyline/1 report (fetched from /api/report, or
// embedded in the self-contained HTML file) as a timeline, an actor graph, the claims
// ledger, conflicts, figure charts, sources and an article reader that highlights the
// quote behind every fact. Untrusted text only ever reaches the page through
// textContent / text nodes, never as HTML.
(function () {
  'use strict';

  var embedded = document.getElementById('report-data');
  var report = null;
  var docsById = {};
  var enc = new TextEncoder();
  var dec = new TextDecoder();

  // Build an element: el('td', {class: 'x', onclick: f}, 'text', childNode, ...).
  function el(tag, attrs) {
    var e = document.createElement(tag);
    attrs = attrs || {};
    Object.keys(attrs).forEach(function (k) {
      var v = attrs[k];
      if (v === undefined || v === null || v === false) return;
      if (k === 'class') e.className = v;
      else if (k.slice(0, 2) === 'on') e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    });
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === undefined || c === null) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

  // For libraries that take HTML strings (vis-timeline item content).
  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function dateText(v) {
    if (!v) return '';
    if (v.earliest && v.latest && v.earliest !== v.latest && /^X|REF$/.test(v.value)) return v.earliest + ' – ' + v.latest;
    return v.value + (v.mod ? ' (' + v.mod.toLowerCase() + ')' : '');
  }

  function baseName(path) { return String(path).split(/[\\/]/).pop(); }

  function docLabel(d) { return d.title || baseName(d.path); }

  function shorten(s, n) { s = String(s); return s.length > n ? s.slice(0, n - 1) + '…' : s; }

  function outletOf(docId) {
    var d = docsById[docId];
    return d ? (d.outlet || baseName(d.path)) : docId;
  }

  // ---------------------------------------------------------------- reader
  // Annotations of one document: every fact whose evidence lies in it.
  function annotations(docId) {
    var out = [];
    function add(kind, id, ev, label) { if (ev && ev.doc === docId) out.push({ kind: kind, id: id, start: ev.start, end: ev.end, label: label }); }
    report.entities.forEach(function (e) { e.mentions.forEach(function (m) { add('entity', e.id, m, e.name); }); });
    report.events.forEach(function (e) { e.mentions.forEach(function (m) { add('event', e.id, m, e.summary); }); });
    report.claims.forEach(function (c) { add('claim', c.id, c.evidence, c.speaker.text + ' ' + c.cue); });
    report.figures.forEach(function (f) { add('figure', f.id, f.evidence, f.quantity); });
    var d = docsById[docId];
    if (d && d.published && d.published.evidence) add('date', 'published', d.published.evidence, 'publication date');
    out.sort(function (a, b) { return a.start - b.start || b.end - a.end; });
    return out;
  }

  // Show a document with `focus` (an evidence {start, end} in UTF-8 bytes) highlighted.
  function openDoc(docId, focus, label) {
    var d = docsById[docId];
    var head = clear(document.getElementById('reader-head'));
    var body = clear(document.getElementById('reader-text'));
    if (!d) { head.append(el('p', { class: 'empty' }, 'Document ' + docId + ' is not in this report.')); return; }
    head.append(el('h2', {}, docLabel(d)));
    var pub = d.published.basis === 'unknown' ? 'date unknown' : dateText(d.published) + ' (' + d.published.basis + ')';
    head.append(el('p', { class: 'muted' }, [d.outlet || 'outlet unknown', pub, d.authors.length ? 'by ' + d.authors.join(', ') : null, d.dateline].filter(Boolean).join(' · ')));
    if (d.published.story && d.published.story.length) {
      head.append(el('p', { class: 'muted' }, 'date narrowed by the dated articles on its story: ' + d.published.story.join(', ')));
    }
    if (d.skipped && d.skipped.length) {
      head.append(el('p', { class: 'muted' }, 'not read by: ' + d.skipped.map(function (s) { return s.stage; }).join(', ') + ' (' + d.skipped[0].reason + ')'));
    }
    if (d.related && d.related.length) {
      var rel = el('p', { class: 'related' }, 'related: ');
      d.related.forEach(function (r, i) {
        if (i) rel.append(', ');
        rel.append(el('a', { href: '#', class: 'clickable', 'data-doc': r.doc, onclick: function (ev) { ev.preventDefault(); openDoc(r.doc, null, null); } },
          r.relation + ' ' + (docsById[r.doc] ? docLabel(docsById[r.doc]) : r.doc)));
      });
      head.append(rel);
    }
    if (label) head.append(el('p', {}, el('span', { class: 'badge' }, 'evidence'), label));
    var bytes = enc.encode(d.text);
    // Background highlights (claims, events, figures) give way to the focused quote.
    var marks = annotations(docId).filter(function (a) {
      return a.kind !== 'entity' && !(focus && a.start < focus.end && focus.start < a.end);
    });
    if (focus) marks.push({ kind: 'focus', start: focus.start, end: focus.end, label: label || '' });
    marks.sort(function (a, b) { return a.start - b.start || (b.kind === 'focus') - (a.kind === 'focus'); });
    var pos = 0, focusNode = null;
    marks.forEach(function (m) {
      if (m.start < pos || m.end > bytes.length || m.end <= m.start) return; // overlapping or out of range
      body.append(document.createTextNode(dec.decode(bytes.slice(pos, m.start))));
      var node = el('mark', { class: m.kind, title: m.label, 'data-kind': m.kind }, dec.decode(bytes.slice(m.start, m.end)));
      if (m.kind === 'focus') focusNode = node;
      body.append(node);
      pos = m.end;
    });
    body.append(document.createTextNode(dec.decode(bytes.slice(pos))));
    if (d.removed && d.removed.length) {
      var det = el('details', { class: 'removed' }, el('summary', {}, 'Cleaning removed ' + d.removed.length + ' piece' + (d.removed.length === 1 ? '' : 's')));
      d.removed.forEach(function (r) { det.append(el('div', {}, el('span', { class: 'badge' }, r.kind), r.text)); });
      body.append(det);
    }
    if (focusNode) focusNode.scrollIntoView({ block: 'center' });
  }

  function openEvidence(ev, label) { if (ev) openDoc(ev.doc, ev, label); }

  // ---------------------------------------------------------------- tabs
  function showTab(name) {
    document.querySelectorAll('#tabs button').forEach(function (b) { b.classList.toggle('active', b.dataset.tab === name); });
    document.querySelectorAll('.panel').forEach(function (p) { p.classList.toggle('active', p.id === 'panel-' + name); });
    if (name === 'actors' && graph) {
      // Laid out while hidden, the graph has no size: lay it out on first show.
      graph.resize();
      if (!graph.scratch('laidOut')) { graph.layout({ name: 'cose', animate: false }).run(); graph.scratch('laidOut', true); }
      graph.fit(undefined, 30);
    }
    if (name === 'timeline' && timeline) timeline.redraw();
  }

  // ---------------------------------------------------------------- timeline
  var timeline = null;
  function renderTimeline() {
    var items = [];
    report.events.forEach(function (e) {
      if (!e.date.earliest) return;
      var item = { id: 'event:' + e.id, className: 'item-event-' + e.id, group: 'events', content: escapeHtml(shorten(e.summary, 70)), start: e.date.earliest, title: escapeHtml(dateText(e.date)) };
      if (e.date.latest && e.date.latest !== e.date.earliest) { item.end = e.date.latest; item.type = 'range'; }
      items.push(item);
    });
    report.documents.forEach(function (d) {
      // Only bounded dates are drawn; an open window ("on or after") stays in the list.
      if (!d.published.earliest || !d.published.latest) return;
      var span = d.published.latest !== d.published.earliest ? { end: d.published.latest, type: 'range' } : {};
      items.push(Object.assign(span, { id: 'doc:' + d.id, className: 'item-doc-' + d.id, group: 'articles', content: escapeHtml(shorten((d.outlet ? d.outlet + ': ' : '') + docLabel(d), 70)), start: d.published.earliest, title: escapeHtml(d.published.basis) }));
    });
    var box = document.getElementById('timeline');
    var groups = [{ id: 'events', content: 'Events' }, { id: 'articles', content: 'Articles' }].filter(function (g) {
      return items.some(function (i) { return i.group === g.id; });
    });
    if (window.vis && items.length) {
      // Open on the story's own dates, with a margin on both sides.
      var times = [];
      items.forEach(function (i) { times.push(Date.parse(i.start)); if (i.end) times.push(Date.parse(i.end)); });
      var lo = Math.min.apply(null, times), hi = Math.max.apply(null, times);
      var pad = Math.max((hi - lo) * 0.08, 2 * 86400000);
      timeline = new vis.Timeline(box, new vis.DataSet(items), new vis.DataSet(groups), {
        stack: true, zoomable: true, margin: { item: 6 }, orientation: 'top', showCurrentTime: false
      });
      timeline.setWindow(new Date(lo - pad), new Date(hi + pad), { animation: false });
      // A plain click listener (vis' own select event relies on touch emulation):
      // each item carries its kind and id in a class name.
      box.addEventListener('click', function (evt) {
        var node = evt.target.closest && evt.target.closest('.vis-item');
        var m = node && /\bitem-(doc|event)-(\S+)/.exec(node.className);
        if (!m) return;
        if (m[1] === 'doc') {
          var d = docsById[m[2]];
          openDoc(m[2], d && d.published.evidence, 'publication date');
        } else {
          var ev = report.events.filter(function (e) { return e.id === m[2]; })[0];
          if (ev) openEvidence(ev.mentions[0], ev.summary);
        }
      });
    } else {
      box.append(el('p', { class: 'empty' }, 'Nothing dated to place on a timeline yet.'));
    }
    var list = document.getElementById('timeline-list');
    report.timeline.forEach(function (t) {
      var ev = report.events.filter(function (e) { return t.events.indexOf(e.id) >= 0; })[0];
      list.append(el('li', { class: 'clickable', onclick: function () { if (ev) openEvidence(ev.mentions[0], t.headline); } }, el('span', { class: 'date' }, dateText(t.date)), t.headline));
    });
    if (!report.timeline.length) {
      report.documents.slice().sort(function (a, b) { return String(a.published.earliest || '9999').localeCompare(String(b.published.earliest || '9999')); }).forEach(function (d) {
        list.append(el('li', { class: 'clickable', onclick: function () { openDoc(d.id, d.published.evidence, 'publication date'); } },
          el('span', { class: 'date' }, d.published.basis === 'unknown' ? 'undated' : dateText(d.published)), (d.outlet ? d.outlet + ': ' : ''), docLabel(d)));
      });
    }
  }

  // ---------------------------------------------------------------- actors
  var graph = null;
  function entityDetail(e) {
    var box = clear(document.getElementById('entity-detail'));
    var card = el('div', { class: 'card' }, el('h3', {}, e.name + ' '), el('span', { class: 'badge' }, e.type));
    if (e.code) card.append(el('span', { class: 'badge' }, e.code));
    if (e.role) card.append(el('p', {}, e.role));
    if (e.aliases.length) card.append(el('p', { class: 'muted' }, 'Also: ' + e.aliases.join(', ')));
    var ul = el('ul', { class: 'facts' });
    e.mentions.slice(0, 30).forEach(function (m) { ul.append(el('li', { class: 'clickable', onclick: function () { openEvidence(m, e.name); } }, el('span', { class: 'date' }, outletOf(m.doc)), m.text)); });
    card.append(ul);
    box.append(card);
  }

  function renderActors() {
    var ents = report.entities.slice().sort(function (a, b) { return b.mentions.length - a.mentions.length; }).slice(0, 80);
    var ids = {};
    ents.forEach(function (e) { ids[e.id] = true; });
    var elements = ents.map(function (e) { return { data: { id: e.id, label: e.name, type: e.type, weight: e.mentions.length } }; });
    report.events.forEach(function (ev) {
      var s = ev.actors.source, t = ev.actors.target;
      if (s && t && ids[s] && ids[t]) elements.push({ data: { id: 'edge-' + ev.id, source: s, target: t, label: ev.type.plover } });
    });
    // Who spoke about whom: a claim's named speaker to the entities it is about.
    var spoke = {};
    report.claims.forEach(function (c) {
      var s = c.speaker.entity;
      if (!s || !ids[s]) return;
      (c.about || []).forEach(function (t) {
        if (t !== s && ids[t]) spoke[s + ' ' + t] = (spoke[s + ' ' + t] || 0) + 1;
      });
    });
    Object.keys(spoke).sort().forEach(function (k) {
      var p = k.split(' ');
      elements.push({ data: { id: 'said-' + p[0] + '-' + p[1], source: p[0], target: p[1], label: 'spoke about ×' + spoke[k], kind: 'said' } });
    });
    var box = document.getElementById('graph');
    if (window.cytoscape && ents.length) {
      graph = cytoscape({
        container: box, elements: elements, layout: { name: 'cose', animate: false, randomize: false },
        style: [
          { selector: 'node', style: { label: 'data(label)', 'font-size': 11, 'background-color': '#1f5fbf', width: 'mapData(weight, 1, 40, 14, 44)', height: 'mapData(weight, 1, 40, 14, 44)', color: '#1d232b', 'text-valign': 'bottom' } },
          { selector: 'node[type = "PERSON"]', style: { 'background-color': '#c2410c' } },
          { selector: 'node[type = "GPE"]', style: { 'background-color': '#15803d' } },
          { selector: 'edge', style: { label: 'data(label)', 'font-size': 9, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', width: 1.5, 'line-color': '#9aa5b1', 'target-arrow-color': '#9aa5b1' } },
          { selector: 'edge[kind = "said"]', style: { 'line-style': 'dashed', label: '' } }
        ]
      });
      graph.on('tap', 'node', function (evt) {
        var e = report.entities.filter(function (x) { return x.id === evt.target.id(); })[0];
        if (e) entityDetail(e);
      });
    } else {
      box.append(el('p', { class: 'empty' }, 'No actors found yet.'));
    }
    var table = document.getElementById('entity-table');
    table.append(el('tr', {}, el('th', {}, 'Name'), el('th', {}, 'Type'), el('th', {}, 'Code'), el('th', {}, 'Mentions')));
    ents.forEach(function (e) {
      table.append(el('tr', { class: 'clickable', onclick: function () { entityDetail(e); openEvidence(e.mentions[0], e.name); } }, el('td', {}, e.name), el('td', {}, e.type), el('td', {}, e.code || ''), el('td', {}, e.mentions.length)));
    });
  }

  // ---------------------------------------------------------------- claims
  function renderClaims() {
    var table = clear(document.getElementById('claims-table'));
    var who = document.getElementById('claim-speaker').value;
    var stance = document.getElementById('claim-stance').value;
    table.append(el('tr', {}, el('th', {}, 'Who'), el('th', {}, 'Stance'), el('th', {}, 'Said'), el('th', {}, 'Where, when')));
    var rows = report.claims.filter(function (c) {
      return (!who || (who === 'anonymous') === c.speaker.anonymous) && (!stance || c.stance === stance);
    });
    rows.forEach(function (c) {
      var speaker = el('td', {}, c.speaker.text);
      if (c.speaker.anonymous) speaker.append(' ', el('span', { class: 'badge anon' }, 'anonymous'));
      table.append(el('tr', { class: 'clickable', onclick: function () { openEvidence(c.evidence, c.speaker.text + ' ' + c.cue); } },
        speaker, el('td', {}, el('span', { class: 'badge stance-' + c.stance }, c.stance)),
        el('td', {}, el('span', { class: 'muted' }, c.cue + ': '), c.direct ? '“' + c.content + '”' : c.content),
        el('td', {}, outletOf(c.doc), el('br'), el('span', { class: 'date' }, dateText(c.date)))));
    });
    if (!rows.length) table.append(el('tr', {}, el('td', { colspan: '4', class: 'empty' }, 'No claims' + (report.claims.length ? ' match these filters.' : ' found yet.'))));
  }

  // ---------------------------------------------------------------- conflicts
  function findItem(id) {
    var pools = [['claim', report.claims], ['event', report.events], ['figure', report.figures]];
    for (var i = 0; i < pools.length; i++) {
      var hit = pools[i][1].filter(function (x) { return x.id === id; })[0];
      if (hit) return { kind: pools[i][0], item: hit };
    }
    return null;
  }

  function itemCard(id) {
    var f = findItem(id);
    if (!f) return el('div', { class: 'card' }, id);
    var ev = f.kind === 'event' ? f.item.mentions[0] : f.item.evidence;
    var title = f.kind === 'claim' ? f.item.speaker.text + ' ' + f.item.cue : f.kind === 'event' ? f.item.summary : f.item.quantity + ': ' + f.item.value;
    return el('div', { class: 'card clickable', onclick: function () { openEvidence(ev, title); } }, el('strong', {}, title), el('div', { class: 'quote' }, ev ? ev.text : ''), el('div', { class: 'muted' }, ev ? outletOf(ev.doc) : ''));
  }

  function renderConflicts() {
    var box = document.getElementById('panel-conflicts');
    if (!report.conflicts.length) { box.append(el('p', { class: 'empty' }, 'No conflicts between sources found yet.')); return; }
    report.conflicts.forEach(function (c) {
      var sides = el('div', { class: 'sides' });
      c.sides.forEach(function (s) {
        var col = el('div', {}, el('h3', {}, s.sources.join(', ') || 'side'));
        s.items.forEach(function (id) { col.append(itemCard(id)); });
        sides.append(col);
      });
      box.append(el('div', { class: 'card' }, el('span', { class: 'badge' }, c.kind), c.explanation, c.reconciled ? el('p', { class: 'muted' }, 'Reconciled: ' + c.reconciled) : null, sides));
    });
  }

  // ---------------------------------------------------------------- figures
  var SVG = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs) { var e = document.createElementNS(SVG, tag); Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); }); return e; }

  function chart(series) {
    var pts = series.filter(function (f) { return f.as_of.earliest; }).map(function (f) { return { f: f, t: Date.parse(f.as_of.earliest), v: f.value }; });
    var s = svg('svg', { class: 'chart', viewBox: '0 0 600 220', role: 'img' });
    if (!pts.length) return s;
    var t0 = Math.min.apply(null, pts.map(function (p) { return p.t; })), t1 = Math.max.apply(null, pts.map(function (p) { return p.t; }));
    var v1 = Math.max.apply(null, pts.map(function (p) { return p.v; })) * 1.1 || 1;
    function x(t) { return 50 + (t1 === t0 ? 250 : (t - t0) / (t1 - t0) * 520); }
    function y(v) { return 190 - v / v1 * 170; }
    pts.sort(function (a, b) { return a.t - b.t; });
    s.append(svg('path', { d: pts.map(function (p, i) { return (i ? 'L' : 'M') + x(p.t) + ',' + y(p.v); }).join(' ') }));
    pts.forEach(function (p) {
      var c = svg('circle', { cx: x(p.t), cy: y(p.v), r: 5 });
      var title = svg('title', {});
      title.textContent = p.f.value + ' (' + p.f.qualifier + ') as of ' + p.f.as_of.value + ', ' + outletOf(p.f.evidence.doc);
      c.append(title);
      c.addEventListener('click', function () { openEvidence(p.f.evidence, p.f.quantity); });
      s.append(c);
      var lbl = svg('text', { x: x(p.t) + 6, y: y(p.v) - 6 });
      lbl.textContent = String(p.v);
      s.append(lbl);
    });
    [[t0, 'start'], [t1, 'end']].forEach(function (a) {
      var tx = svg('text', { x: x(a[0]), y: 212, 'text-anchor': a[1] === 'start' ? 'start' : 'end' });
      tx.textContent = new Date(a[0]).toISOString().slice(0, 10);
      s.append(tx);
    });
    return s;
  }

  function renderFigures() {
    var box = document.getElementById('panel-figures');
    var byQ = {};
    report.figures.forEach(function (f) { (byQ[f.quantity] = byQ[f.quantity] || []).push(f); });
    var keys = Object.keys(byQ).sort();
    if (!keys.length) { box.append(el('p', { class: 'empty' }, 'No figures found yet.')); return; }
    keys.forEach(function (q) {
      box.append(el('h2', {}, q), chart(byQ[q]));
      var ul = el('ul', { class: 'facts' });
      byQ[q].forEach(function (f) { ul.append(el('li', { class: 'clickable', onclick: function () { openEvidence(f.evidence, q); } }, el('span', { class: 'date' }, dateText(f.as_of)), f.qualifier + ' ' + f.value + (f.unit ? ' ' + f.unit : ''), ' — ', outletOf(f.evidence.doc), f.according_to ? ', according to ' + f.according_to : '')); });
      box.append(ul);
    });
  }

  // ---------------------------------------------------------------- sources and articles
  function renderSources() {
    var box = document.getElementById('panel-sources');
    if (!report.sources.length) { box.append(el('p', { class: 'empty' }, 'No outlets identified.')); return; }
    var table = el('table', { class: 'grid' }, el('tr', {}, el('th', {}, 'Outlet'), el('th', {}, 'Articles'), el('th', {}, 'Named / anonymous sources'), el('th', {}, 'Framing')));
    report.sources.forEach(function (s) {
      var chips = el('div', { class: 'chips' });
      s.framing.forEach(function (f) { chips.append(el('span', {}, f.term + ' ×' + f.count)); });
      table.append(el('tr', {}, el('td', {}, s.name), el('td', {}, s.documents.join(', ')), el('td', {}, s.sourcing.named + ' / ' + s.sourcing.anonymous), el('td', {}, chips)));
    });
    box.append(table);
  }

  function renderDocuments() {
    var box = document.getElementById('panel-documents');
    var ul = el('ul', { class: 'facts' });
    report.documents.forEach(function (d) {
      ul.append(el('li', { class: 'clickable doc-item', 'data-doc': d.id, onclick: function () { openDoc(d.id, d.published.evidence, d.published.evidence ? 'publication date' : null); } },
        el('strong', {}, docLabel(d)), el('br'),
        el('span', { class: 'muted' }, [d.id, d.outlet || 'outlet unknown', d.published.basis === 'unknown' ? 'date unknown' : dateText(d.published) + ' (' + d.published.basis + ')', (d.stats ? d.stats.words + ' words' : null), d.removed.length + ' removed'].filter(Boolean).join(' · '))));
    });
    box.append(ul);
    if (report.skipped && report.skipped.length) {
      box.append(el('h2', {}, 'Skipped inputs'));
      report.skipped.forEach(function (s) { box.append(el('div', { class: 'card' }, s.path + ': ' + s.reason)); });
    }
  }

  // ---------------------------------------------------------------- search
  function runSearch(q) {
    var box = clear(document.getElementById('panel-search'));
    document.querySelector('#tabs button[data-tab="search"]').hidden = false;
    showTab('search');
    function show(hits) {
      box.append(el('h2', {}, hits.length + ' result' + (hits.length === 1 ? '' : 's') + ' for “' + q + '”'));
      hits.forEach(function (h) {
        var m = h.matches && h.matches[0];
        box.append(el('div', { class: 'card clickable', onclick: function () { openDoc(h.doc, m ? { start: m[0], end: m[1] } : null, 'search: ' + q); } }, el('strong', {}, h.title || h.doc), ' ', el('span', { class: 'muted' }, h.outlet || ''), el('div', { class: 'quote' }, h.snippet)));
      });
    }
    if (embedded) {
      // Offline: plain case-insensitive word search over the cleaned texts.
      var terms = q.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      show(report.documents.filter(function (d) {
        var t = (d.title + ' ' + d.text).toLowerCase();
        return terms.length && terms.every(function (w) { return t.indexOf(w) >= 0; });
      }).map(function (d) {
        var i = d.text.toLowerCase().indexOf(terms[0]);
        var start = enc.encode(d.text.slice(0, i)).length;
        return { doc: d.id, title: d.title, outlet: d.outlet, snippet: d.text.slice(Math.max(0, i - 80), i + 120), matches: i >= 0 ? [[start, start + enc.encode(d.text.substr(i, terms[0].length)).length]] : [] };
      }));
    } else {
      fetch('/api/search?q=' + encodeURIComponent(q)).then(function (r) { return r.json(); }).then(function (hits) {
        if (Array.isArray(hits)) show(hits); else box.append(el('p', { class: 'empty' }, hits.error || 'Search failed.'));
      });
    }
  }

  // ---------------------------------------------------------------- start
  function render(r) {
    report = r;
    report.documents.forEach(function (d) { docsById[d.id] = d; });
    var n = function (a, w) { return a.length + ' ' + w + (a.length === 1 ? '' : 's'); };
    document.getElementById('summary').textContent = [n(r.documents, 'article'), n(r.sources, 'outlet'), n(r.entities, 'actor'), n(r.events, 'event'), n(r.claims, 'claim'), n(r.conflicts, 'conflict')].join(' · ');
    renderTimeline();
    renderActors();
    renderClaims();
    renderConflicts();
    renderFigures();
    renderSources();
    renderDocuments();
    var wanted = (location.hash || '').slice(1);
    if (document.querySelector('#tabs button[data-tab="' + wanted.replace(/[^a-z]/g, '') + '"]')) showTab(wanted);
    document.body.setAttribute('data-ready', 'true');
  }

  document.querySelectorAll('#tabs button').forEach(function (b) { b.addEventListener('click', function () { showTab(b.dataset.tab); }); });
  document.getElementById('claim-speaker').addEventListener('change', renderClaims);
  document.getElementById('claim-stance').addEventListener('change', renderClaims);
  document.getElementById('search-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var q = document.getElementById('search').value.trim();
    if (q) runSearch(q);
  });

  if (embedded) {
    render(JSON.parse(embedded.textContent));
  } else {
    fetch('/api/report').then(function (r) { return r.json(); }).then(render).catch(function (e) {
      document.getElementById('summary').textContent = 'Could not load the report: ' + e;
    });
  }
})();
