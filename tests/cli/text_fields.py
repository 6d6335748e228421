#!/usr/bin/env python3
"""Contract: every text field of every record is the document's own text. For every record of
every test story (accents, CJK, emoji, CRLF, and the examples), the quote and the mention
equal the document slice at their spans, the role and the cue are slices of the document,
and no field holds U+FFFD the document does not have. The same holds for what the quote
database stores and exports. Usage: text_fields.py path/to/whosaid"""
import glob, json, os, subprocess, sys, tempfile

BIN = sys.argv[1]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


# Stories written for this test: names, roles and cues that end in a multi-byte character.
STORIES = {
    'accents.txt': (
        '“We will reopen the bakery before the frost,” said José.\n\n'
        '“The town needs the jobs,” said Ann Lee, who runs a café.\n\n'
        'Later, Zoë Müller spoke. “Nobody asked the farmers,” said Zoë Müller, a critic of the '
        'plan from Malmö.\n\n“It is late,” said Renée Faÿ, the head of the choir in Besançon.\n'),
    'cjk.txt': (
        '“The port will stay open all winter,” said Mayor Chen Jié, who heads 港口委员会.\n\n'
        '“我们会回来的,” said Li Wei.\n\n“Prices rose again in 東京,” said Aiko Tanaka.\n'),
    'emoji.txt': (
        '“The match was a gift 🎁,” said coach Dana Flores 🏆.\n\n'
        '“We sold every ticket 🎟️,” said Omar Haddad, who runs the box office 🎭.\n'),
    'crlf.txt': (
        '\ufeffThe council met on Monday.\r\n\r\n'
        '“We will fix the bridge before the thaw,” said Councillor Inés Peña.\r\n\r\n'
        '“It has waited too long,” said André Côté, a resident of the old quarter near the '
        'café.\r\n'),
}


def load(out):
    return [json.loads(l) for l in out.decode('utf-8').splitlines() if l.strip()]


def check_record(text, r, label):
    doc_has_fffd = '\ufffd' in text
    for field in ('quote', 'speaker', 'mention', 'role', 'cue'):
        v = r.get(field)
        if isinstance(v, str) and not doc_has_fffd:
            check('\ufffd' not in v, '%s: %s %r holds U+FFFD' % (label, field, v))
    if r['type'] != 'indirect' or r['quote']:
        check(text[r['start']:r['end']] == r['quote'],
              '%s: text[start:end] %r != quote %r' % (label, text[r['start']:r['end']], r['quote']))
    if r.get('speaker_start') is not None and r.get('mention') is not None:
        got = text[r['speaker_start']:r['speaker_end']]
        check(got == r['mention'], '%s: mention %r != text at its span %r' % (label, r['mention'], got))
    for field in ('role', 'cue'):
        v = r.get(field)
        if isinstance(v, str):
            check(v in text, '%s: %s %r is not a slice of the document' % (label, field, v))


with tempfile.TemporaryDirectory() as tmp:
    paths = []
    for name, story in STORIES.items():
        p = os.path.join(tmp, name)
        open(p, 'w', encoding='utf-8', newline='').write(story)
        paths.append(p)
    paths += sorted(glob.glob('examples/*.txt'))
    texts = {p: open(p, encoding='utf-8', newline='').read() for p in paths}

    r = subprocess.run([BIN] + paths, capture_output=True)
    check(r.returncode == 0, 'extraction exit code %d: %s' % (r.returncode, r.stderr.decode()))
    recs = load(r.stdout)
    for p in paths:
        check(any(x['doc'] == p for x in recs), '%s: no records' % p)
    for i, x in enumerate(recs):
        check_record(texts[x['doc']], x, '%s record %d' % (os.path.basename(x['doc']), i))
    # The cases that lost their last byte before: a name and a role ending in é.
    check(any(x.get('mention') == 'José' for x in recs), 'mention José')
    check(any(x.get('role') == 'who runs a café' for x in recs), 'role ending in café')

    db = os.path.join(tmp, 'quotes.sqlite')
    r = subprocess.run([BIN, 'db', 'ingest', '--db', db] + paths, capture_output=True)
    check(r.returncode == 0, 'db ingest exit code %d: %s' % (r.returncode, r.stderr.decode()))
    r = subprocess.run([BIN, 'db', 'export', '--db', db], capture_output=True)
    check(r.returncode == 0, 'db export exit code %d: %s' % (r.returncode, r.stderr.decode()))
    exported = load(r.stdout)
    check(len(exported) == len(recs), 'db export: %d records, extraction gave %d' % (len(exported), len(recs)))
    for i, x in enumerate(exported):
        check_record(texts[x['doc']], x, 'db %s record %d' % (os.path.basename(x['doc']), i))

for f in failures:
    print('FAIL:', f)
print('text_fields: %s' % ('FAILED, %d problems' % len(failures) if failures else 'passed'))
sys.exit(1 if failures else 0)
