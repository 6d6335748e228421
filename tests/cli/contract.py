#!/usr/bin/env python3
"""CLI contract tests: formats parse back with exact offsets, bad input is reported and
skipped, exit codes tell. Usage: contract.py path/to/whosaid"""
import csv, io, json, os, subprocess, sys, tempfile

BIN = sys.argv[1]
failures = []

def run(args, stdin=b''):
    r = subprocess.run([BIN] + args, input=stdin, capture_output=True)
    return r.returncode, r.stdout, r.stderr.decode('utf-8', 'replace')

def check(cond, what):
    if not cond:
        failures.append(what)

STORY = ('Café owner Zoë Ngata spoke first.\n\n'
         '“We serve 寿司 and 🍣 now, and “naïve” critics can stay home,” said Zoë Ngata, '
         'a café owner.\n\n“Line two,\nwith a break,” she added, “and a \\"quote\\".”\n')

def check_offsets(text, records, label):
    check(records, label + ': no records')
    for r in records:
        check(text[r['start']:r['end']] == r['quote'], label + ': text[start:end] != quote: %r' % r['quote'])
        b = text.encode('utf-8')
        check(b[r['byte_start']:r['byte_end']].decode('utf-8') == r['quote'], label + ': byte offsets')
        if r.get('speaker_start') is not None:
            check(text[r['speaker_start']:r['speaker_end']] == r['mention'], label + ': mention offsets')

with tempfile.TemporaryDirectory() as tmp:
    story = os.path.join(tmp, 'story.txt')
    open(story, 'w', encoding='utf-8').write(STORY)
    text = STORY

    rc, out, err = run([story])
    check(rc == 0, 'jsonl exit code %d: %s' % (rc, err))
    recs = [json.loads(l) for l in out.decode().splitlines()]
    check_offsets(text, [r for r in recs if r['type'] != 'indirect'], 'jsonl')
    check(any(r['speaker'] == 'Zoë Ngata' for r in recs), 'speaker Zoë Ngata found')

    rc, out, err = run(['--format', 'json', story, story])
    doc = json.loads(out.decode())
    check(isinstance(doc, list) and len(doc) == 2, 'json: one object per document')
    check_offsets(text, doc[0]['quotes'], 'json')
    check(doc[0]['speakers'] and doc[0]['speakers'][0]['name'] == 'Zoë Ngata', 'json speakers')

    rc, out, err = run(['--format', 'csv', story])
    rows = list(csv.DictReader(io.StringIO(out.decode('utf-8'), newline='')))
    check(len(rows) == len(recs), 'csv: one row per record')
    for row in rows:
        for k in ('start', 'end', 'byte_start', 'byte_end'):
            row[k] = int(row[k])
        row['speaker_start'] = int(row['speaker_start']) if row['speaker_start'] else None
        row['speaker_end'] = int(row['speaker_end']) if row['speaker_end'] else None
    check_offsets(text, rows, 'csv')

    # CRLF line ends and a BOM give the same quotes, offsets into the file as Python reads it.
    crlf = os.path.join(tmp, 'crlf.txt')
    crlf_text = '\ufeff' + STORY.replace('\n', '\r\n')
    open(crlf, 'w', encoding='utf-8', newline='').write(crlf_text)
    rc, out, err = run([crlf])
    recs2 = [json.loads(l) for l in out.decode().splitlines()]
    check([r['quote'].replace('\r', '') for r in recs2] == [r['quote'] for r in recs], 'crlf+bom: same quotes')
    check_offsets(crlf_text, [r for r in recs2 if r['type'] != 'indirect'], 'crlf+bom')

    # Invalid UTF-8: the document is named with its byte offset and skipped; others go on.
    bad = os.path.join(tmp, 'bad.txt')
    open(bad, 'wb').write(b'\xe2\x80\x9cHello there, friend,\xe2\x80\x9d said Ann Lee. \xff\xfe')
    rc, out, err = run([bad, story])
    check(rc == 1, 'invalid utf-8: exit code 1, got %d' % rc)
    check('bad.txt' in err and 'byte 41' in err, 'invalid utf-8 message names document and offset: ' + err)
    check(len(out.decode().splitlines()) == len(recs), 'other document still processed')
    rc, out, err = run(['--lenient', bad])
    check(rc == 0, 'lenient run: exit 0')
    check(b'Hello there' in out, 'lenient: quote found')

    # Empty file: nothing out, success.
    empty = os.path.join(tmp, 'empty.txt')
    open(empty, 'w').close()
    rc, out, err = run([empty])
    check(rc == 0 and out == b'', 'empty file')

    # Missing file: named, exit 1.
    rc, out, err = run([os.path.join(tmp, 'missing.txt')])
    check(rc == 1 and 'missing.txt' in err, 'missing file reported')

    # JSONL: broken lines reported with their line number; meta carried through.
    lines = (json.dumps({'id': 'a', 'text': STORY, 'outlet': 'Gazette'}) + '\n' +
             '{not json\n' +
             json.dumps({'id': 'c', 'body': 'no text'}) + '\n' +
             json.dumps({'id': 'd', 'text': STORY}) + '\n').encode()
    rc, out, err = run(['--input', 'jsonl'], lines)
    recs3 = [json.loads(l) for l in out.decode().splitlines()]
    check(rc == 1, 'jsonl with bad lines: exit 1, got %d' % rc)
    check('line 2' in err and 'line 3' in err, 'jsonl errors name lines: ' + err)
    check({r['doc'] for r in recs3} == {'a', 'd'}, 'good jsonl documents processed')
    check(all(r.get('meta') == {'outlet': 'Gazette'} for r in recs3 if r['doc'] == 'a'), 'meta carried')

    # Usage errors: exit 2.
    rc, out, err = run(['--format', 'xml', story])
    check(rc == 2, 'bad --format: exit 2')
    rc, out, err = run(['--no-default-rules', story])
    check(rc == 2 and 'rules' in err, 'no rules: exit 2')
    broken = os.path.join(tmp, 'broken.tokens')
    open(broken, 'w').write('rule x.bad prio=50 : QUOTE SPEAKER:(Cap+\n')
    rc, out, err = run(['--rules', broken, story])
    check(rc == 2 and 'broken.tokens:1:' in err, 'broken rule file named with file:line:col: ' + err)
    broken = os.path.join(tmp, 'old.rules')
    open(broken, 'w').write('rule x.old prio=50 : {QUOTE}, {SPEAKER} said\n')
    rc, out, err = run(['--rules', broken, story])
    check(rc == 2 and 'old.rules: not a token rule file' in err,
          'a character rule file is named, not skipped: ' + err)

    rc, out, err = run(['--version'])
    check(rc == 0 and out.decode().startswith('whosaid '), '--version')
    rc, out, err = run(['--help'])
    check(rc == 0 and b'--input' in out, '--help')

    # --explain adds the deciding rule's slots.
    rc, out, err = run(['--explain', story])
    check(all('explain' in json.loads(l) for l in out.decode().splitlines()), '--explain')

for f in failures:
    print('FAIL:', f)
print('%d passed, %d failed' % (0 if failures else 1, len(failures)))
sys.exit(1 if failures else 0)
