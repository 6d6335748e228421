// whosaid's quote viewer. Plain JavaScript, no library. Two modes (the "config" script):
//   server: a form sends stories to /v1/extract and shows what comes back; with a
//           database, a search page over /v1/search.
//   static: `whosaid --format html`, the stories and records embedded ("data" script).
// A link "/#run&text=…" (or "#text=…" to fill the form only) submits a story, "&show=N"
// then opens its quote N: shareable links, and how the browser test drives the page.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const config = JSON.parse($('whosaid-config').textContent || '{}');
  const embedded = JSON.parse($('whosaid-data').textContent || '[]');
  // Okabe & Ito (2008): distinct for the common colour blindnesses. Black is left out as a
  // highlight; after seven speakers the colours repeat with a dashed underline.
  const PALETTE = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7'];
  const CSV_FIELDS = ['doc', 'quote', 'start', 'end', 'byte_start', 'byte_end', 'type', 'speaker',
    'mention', 'speaker_start', 'speaker_end', 'role', 'cue', 'rule', 'confidence', 'unclosed',
    'multi_paragraph', 'meta'];

  let docs = [];            // [{doc, text, quotes, speakers, meta}]
  let colours = new Map();  // speaker name -> palette index
  let filter = '';

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'style') e.setAttribute('style', v);
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  function colourOf(name) {
    if (name === null || name === undefined) return null;
    if (!colours.has(name)) colours.set(name, colours.size);
    const i = colours.get(name);
    return { c: PALETTE[i % PALETTE.length], alt: i >= PALETTE.length };
  }

  function setStatus(id, text, error) {
    const s = $(id);
    s.textContent = text;
    s.classList.toggle('error', !!error);
  }

  // ---- rendering -------------------------------------------------------------------------
  function render(list) {
    docs = list;
    colours = new Map();
    filter = '';
    const box = $('docs');
    box.replaceChildren();
    let quotes = 0;
    docs.forEach((d, di) => {
      quotes += d.quotes.length;
      for (const s of d.speakers) colourOf(s.name);
      box.append(renderDoc(d, di));
    });
    const select = $('speaker-filter');
    select.replaceChildren(el('option', { value: '' }, 'everyone'));
    for (const name of colours.keys()) select.append(el('option', { value: name }, name));
    $('summary').textContent = `${docs.length} ${docs.length === 1 ? 'story' : 'stories'}, ` +
      `${quotes} ${quotes === 1 ? 'quote' : 'quotes'}, ${colours.size} ` +
      `${colours.size === 1 ? 'speaker' : 'speakers'}`;
    $('results').hidden = false;
    closeDetails();
  }

  function renderDoc(d, di) {
    const speakers = el('ol', { class: 'speakers', 'aria-label': 'Speakers' });
    for (const s of d.speakers) {
      const col = colourOf(s.name);
      speakers.append(el('li', { class: 'speaker-item', 'data-name': s.name, 'data-quotes': s.quotes },
        el('button', { type: 'button', class: 'speaker', 'aria-pressed': 'false',
                       'data-name': s.name, onclick: () => setFilter(filter === s.name ? '' : s.name) },
          el('span', { class: 'swatch' + (col.alt ? ' alt' : ''), style: `--c:${col.c}`, 'aria-hidden': 'true' }),
          el('span', { class: 'name' }, s.name),
          el('span', { class: 'role' }, s.role || ''),
          el('span', { class: 'count' }, `${s.quotes} ${s.quotes === 1 ? 'quote' : 'quotes'}`))));
    }
    return el('article', { class: 'doc', 'data-doc': d.doc },
      el('h3', {}, d.doc),
      el('div', { class: 'layout' }, speakers, renderStory(d, di)));
  }

  // The text with each quote in a <mark>. Offsets are code points, as Array.from counts.
  function renderStory(d, di) {
    const story = el('div', { class: 'story', lang: 'en' });
    const cps = Array.from(d.text || '');
    const order = d.quotes.map((q, i) => i).sort((a, b) => d.quotes[a].start - d.quotes[b].start);
    let pos = 0;
    for (const i of order) {
      const q = d.quotes[i];
      if (q.start < pos) continue;  // overlaps the one before (shown in the list only)
      if (q.start > pos) story.append(cps.slice(pos, q.start).join(''));
      const col = colourOf(q.speaker);
      const cls = ['quote', q.type, col ? '' : 'unknown', col && col.alt ? 'alt' : ''].join(' ');
      story.append(el('mark', {
        class: cls.trim(), tabindex: '0', role: 'button', style: col ? `--c:${col.c}` : null,
        'data-doc-index': di, 'data-index': i, 'data-speaker': q.speaker === null ? '' : q.speaker,
        'data-start': q.start, 'data-end': q.end,
        'aria-label': `${q.speaker || 'unknown speaker'}: ${q.quote}`,
        onclick: (e) => showDetails(di, i, e.currentTarget),
        onkeydown: (e) => {
          if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); showDetails(di, i, e.currentTarget); }
        },
      }, cps.slice(q.start, q.end).join('')));
      pos = q.end;
    }
    if (pos < cps.length) story.append(cps.slice(pos).join(''));
    return story;
  }

  function setFilter(name) {
    filter = name;
    $('speaker-filter').value = name;
    for (const m of document.querySelectorAll('mark.quote')) {
      m.classList.toggle('dim', name !== '' && m.dataset.speaker !== name);
    }
    for (const b of document.querySelectorAll('button.speaker')) {
      b.setAttribute('aria-pressed', String(name !== '' && b.dataset.name === name));
    }
  }

  let lastFocus = null;
  function showDetails(di, i, mark) {
    const q = docs[di].quotes[i];
    for (const m of document.querySelectorAll('mark.selected')) m.classList.remove('selected');
    if (mark) mark.classList.add('selected');
    lastFocus = mark;
    $('details-quote').textContent = q.quote;
    const dl = $('details-fields');
    dl.replaceChildren();
    const row = (k, v) => { if (v !== null && v !== undefined && v !== '') dl.append(el('dt', {}, k), el('dd', {}, v)); };
    row('speaker', q.speaker === null ? 'unknown' : q.speaker);
    row('mention', q.mention);
    row('role', q.role);
    row('cue', q.cue);
    row('rule', q.rule);
    row('confidence', typeof q.confidence === 'number' ? q.confidence.toFixed(3) : q.confidence);
    row('type', q.type);
    row('offsets', `${q.start}–${q.end}`);
    // With explain: {"rule", "slots": {"SPEAKER": …, "CUE": …}}.
    const slots = q.explain && q.explain.slots;
    if (slots && typeof slots === 'object') {
      for (const [slot, value] of Object.entries(slots)) {
        row(slot, typeof value === 'string' ? (value === '' ? '(the quote)' : value) : JSON.stringify(value));
      }
    }
    $('details').hidden = false;
    $('details-close').focus({ preventScroll: true });
  }

  function closeDetails() {
    $('details').hidden = true;
    for (const m of document.querySelectorAll('mark.selected')) m.classList.remove('selected');
    if (lastFocus && document.contains(lastFocus)) lastFocus.focus();
    lastFocus = null;
  }

  // ---- downloads (the records, as the CLI writes them) --------------------------------------
  function records() {
    const out = [];
    for (const d of docs) for (const q of d.quotes) out.push(q);
    return out;
  }
  function csvField(v) {
    if (v === null || v === undefined) return '';
    let s = typeof v === 'object' ? JSON.stringify(v) : String(v);
    if (/[",\r\n]/.test(s)) s = '"' + s.replace(/"/g, '""') + '"';
    return s;
  }
  function download(name, type, text) {
    const a = el('a', { href: URL.createObjectURL(new Blob([text], { type })), download: name });
    document.body.append(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  $('download-jsonl').addEventListener('click', () =>
    download('quotes.jsonl', 'application/x-ndjson', records().map((r) => JSON.stringify(r) + '\n').join('')));
  $('download-csv').addEventListener('click', () => {
    let text = CSV_FIELDS.join(',') + '\r\n';
    for (const r of records()) text += CSV_FIELDS.map((f) => csvField(r[f])).join(',') + '\r\n';
    download('quotes.csv', 'text/csv', text);
  });
  $('speaker-filter').addEventListener('change', (e) => setFilter(e.target.value));
  $('details-close').addEventListener('click', closeDetails);
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && !$('details').hidden) closeDetails(); });

  // ---- server mode: the form -------------------------------------------------------------
  let file = null;  // {name, text}
  async function extract(event) {
    if (event) event.preventDefault();
    const params = new URLSearchParams();
    if ($('opt-explain').checked) params.set('explain', '1');
    if (!$('opt-indirect').checked) params.set('indirect', '0');
    if ($('opt-all-marks').checked) params.set('all_marks', '1');
    let body, type, texts;
    if (file && /\.jsonl$/i.test(file.name)) {
      body = file.text;
      type = 'application/x-ndjson';
      texts = [];
      for (const line of file.text.split('\n')) {
        if (line.trim() === '') continue;
        try { texts.push(JSON.parse(line).text); } catch (e) { texts.push(''); }
      }
    } else {
      body = file ? file.text : $('story').value;
      type = 'text/plain; charset=utf-8';
      params.set('id', file ? file.name : 'story');
      texts = [body];
    }
    if (body.trim() === '') { setStatus('status', 'Paste a story first.', true); return; }
    setStatus('status', 'Reading…');
    $('extract-button').disabled = true;
    try {
      const res = await fetch('/v1/extract?' + params, { method: 'POST', headers: { 'Content-Type': type, Accept: 'application/json' }, body });
      const payload = await res.json();
      if (!res.ok) { setStatus('status', payload.message || `HTTP ${res.status}`, true); return; }
      payload.forEach((d, i) => { d.text = texts[i] === undefined ? '' : texts[i]; });
      render(payload);
      setStatus('status', `Done: ${$('summary').textContent}.`);
      showFromHash();
      document.body.dataset.state = 'done';
    } catch (e) {
      setStatus('status', 'The server did not answer: ' + e.message, true);
    } finally {
      $('extract-button').disabled = false;
    }
  }

  function takeFile(f) {
    if (!f) return;
    const reader = new FileReader();
    reader.onload = () => {
      file = { name: f.name, text: String(reader.result) };
      $('drop').textContent = `${f.name} (${file.text.length} characters): press “Find the quotes”`;
      if (!/\.jsonl$/i.test(f.name)) $('story').value = file.text;
    };
    reader.readAsText(f);
  }

  function setUpServer() {
    $('input-panel').hidden = false;
    $('extract-form').addEventListener('submit', extract);
    $('story').addEventListener('input', () => { file = null; });
    const drop = $('drop');
    drop.addEventListener('click', () => $('file').click());
    drop.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); $('file').click(); } });
    $('file').addEventListener('change', (e) => takeFile(e.target.files[0]));
    drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
    drop.addEventListener('dragleave', () => drop.classList.remove('over'));
    drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); takeFile(e.dataTransfer.files[0]); });
    if (config.database) setUpSearch();
    const hash = new URLSearchParams(location.hash.slice(1));
    if (hash.has('text')) {
      $('story').value = hash.get('text');
      if (hash.has('explain')) $('opt-explain').checked = true;
      if (hash.has('run')) extract();
    }
  }

  // ---- server mode with a database: search ------------------------------------------------
  function setUpSearch() {
    const tabs = { extract: $('tab-extract'), search: $('tab-search') };
    tabs.search.hidden = false;
    tabs.extract.hidden = false;
    const show = (which) => {
      tabs.extract.setAttribute('aria-pressed', String(which === 'extract'));
      tabs.search.setAttribute('aria-pressed', String(which === 'search'));
      $('input-panel').hidden = which !== 'extract';
      $('search-panel').hidden = which !== 'search';
      $('results').hidden = which !== 'extract' || docs.length === 0;
    };
    tabs.extract.addEventListener('click', () => show('extract'));
    tabs.search.addEventListener('click', () => show('search'));
    $('search-form').addEventListener('submit', search);
    // "#search=WORDS": open the search tab and search.
    const hash = new URLSearchParams(location.hash.slice(1));
    if (hash.has('search')) {
      show('search');
      $('search-q').value = hash.get('search');
      search();
    }
  }

  async function search(e) {
    if (e) e.preventDefault();
    const params = new URLSearchParams();
    if ($('search-q').value.trim()) params.set('q', $('search-q').value);
    if ($('search-speaker').value.trim()) params.set('speaker', $('search-speaker').value.trim());
    if ($('search-since').value) params.set('since', $('search-since').value);
    setStatus('search-status', 'Searching…');
    const res = await fetch('/v1/search?' + params, { headers: { Accept: 'application/json' } });
    const payload = await res.json();
    if (!res.ok) { setStatus('search-status', payload.message, true); return; }
    setStatus('search-status', `${payload.length} ${payload.length === 1 ? 'quote' : 'quotes'}`);
    const list = $('hits');
    list.replaceChildren();
    for (const h of payload) {
      const occ = el('ul', {});
      for (const o of h.occurrences) {
        occ.append(el('li', { class: 'occ' },
          el('button', { type: 'button', onclick: () => openStory(o.doc) }, o.doc),
          ` ${o.start}–${o.end}`, o.published ? ` · ${o.published}` : '', o.outlet ? ` · ${o.outlet}` : '',
          o.role ? ` · ${o.role}` : ''));
      }
      list.append(el('li', { class: 'hit', 'data-quote-id': h.quote_id }, el('strong', {}, h.speaker || 'unknown'), ': “', h.quote, '”', occ));
    }
    document.body.dataset.search = 'done';
  }

  // Every stored quote of one story (the database keeps records, not texts).
  async function openStory(doc) {
    const res = await fetch('/v1/quotes?' + new URLSearchParams({ doc }), { headers: { Accept: 'application/x-ndjson' } });
    const text = await res.text();
    const box = $('story-quotes');
    box.replaceChildren(el('h3', {}, `Quotes of ${doc}`));
    const list = el('ol', { class: 'hits' });
    for (const line of text.split('\n')) {
      if (!line) continue;
      const r = JSON.parse(line);
      const col = colourOf(r.speaker);
      list.append(el('li', {}, el('mark', { class: 'quote' + (col ? '' : ' unknown'), style: col ? `--c:${col.c}` : null }, r.quote),
        ' — ', r.speaker || 'unknown', r.role ? `, ${r.role}` : '', ` (${r.cue || 'no cue'}, ${r.rule}, ${r.confidence})`));
    }
    box.append(list);
    box.hidden = false;
    box.scrollIntoView({ block: 'nearest' });
  }

  // "#show=N": open quote N of the first story.
  function showFromHash() {
    const show = new URLSearchParams(location.hash.slice(1)).get('show');
    if (show === null || !docs.length || !docs[0].quotes[+show]) return;
    showDetails(0, +show, document.querySelector(`mark[data-doc-index="0"][data-index="${+show}"]`));
  }

  $('version').textContent = config.version || '';
  if (config.mode === 'server') {
    setUpServer();
  } else {
    render(embedded);
    showFromHash();
  }
})();
