// Grammar tests: the TextMate grammar tokenises every example and stdlib module (and the golden
// tests), and gives the expected scopes to each construct of the language.
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const root = path.resolve(__dirname, '..', '..', '..');
const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
const onig = oniguruma.loadWASM(wasm).then(() => ({
  createOnigScanner: (p) => new oniguruma.OnigScanner(p),
  createOnigString: (s) => new oniguruma.OnigString(s),
}));
const registry = new vsctm.Registry({
  onigLib: onig,
  loadGrammar: async () => vsctm.parseRawGrammar(
    fs.readFileSync(path.join(__dirname, '..', 'syntaxes', 'law.tmLanguage.json'), 'utf8'),
    'law.tmLanguage.json'),
});
const grammar = registry.loadGrammar('source.law');

/** The tokens of a text: [{line, text, scopes}]. */
async function tokens(text) {
  const g = await grammar;
  let stack = vsctm.INITIAL;
  const out = [];
  text.split(/\r?\n/).forEach((line, n) => {
    const r = g.tokenizeLine(line, stack);
    for (const t of r.tokens) {
      out.push({ line: n, text: line.substring(t.startIndex, t.endIndex), scopes: t.scopes });
    }
    stack = r.ruleStack;
  });
  return out;
}

/** Asserts that the token with this text (the nth, from 0) has this scope. */
function scoped(toks, text, scope, nth = 0) {
  const found = toks.filter((t) => t.text.trim() === text);
  assert.ok(found.length > nth, `no token '${text}' in ${JSON.stringify(toks.map((t) => t.text))}`);
  assert.ok(found[nth].scopes.includes(scope), `'${text}' has ${found[nth].scopes.join(' ')}, not ${scope}`);
}

function lawFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && !['target', 'node_modules'].includes(e.name) && !e.name.startsWith('.')) {
      out.push(...lawFiles(p));
    } else if (e.name.endsWith('.law')) {
      out.push(p);
    }
  }
  return out;
}

test('every example, stdlib module and golden test tokenises, with comments and strings scoped', async () => {
  const files = [...lawFiles(path.join(root, 'examples')), ...lawFiles(path.join(root, 'stdlib')),
    ...lawFiles(path.join(root, 'interpreter', 'src', 'test', 'resources', 'golden'))];
  assert.ok(files.length > 50, `only ${files.length} files`);
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    const toks = await tokens(text);
    assert.strictEqual(toks.map((t) => t.text).join(''), text.split(/\r?\n/).join(''), f);
    for (const t of toks) {
      if (t.text.startsWith('##')) {
        assert.ok(t.scopes.includes('comment.line.documentation.law'), `${f}:${t.line + 1} ${t.text}`);
      } else if (t.text.trim().startsWith('#') && !t.scopes.some((s) => s.startsWith('string'))) {
        assert.ok(t.scopes.some((s) => s.startsWith('comment.line')), `${f}:${t.line + 1} ${t.text}`);
      }
    }
  }
});

test('declarations, keywords, numbers, strings, names and operators', async () => {
  const toks = await tokens([
    '## The loss.',
    'law chinchilla(N, D) = E + A / N^alpha + B / D^beta { alpha in (0, 2), cite "Hoffmann 2022" }  # eq. 2',
    'use chinchilla',
    'let PFday = 8.64e19',
    'constraint compute: C = 6 * N * D',
    'data runs = csv("runs.csv") { N = `Model Size`, where L < 5 and N > 1e8 }',
    'fit epoch = chinchilla(N, D) ~ L in runs { loss = huber(1e-3), start = grid(alpha = 0..2 by 0.5) }',
    'optimal N, D for epoch at C = 5.76e23',
    'expect epoch.alpha = 0.347 +- 2%',
    'plot epoch on runs -> "fit.png"',
    'print exp(log(70B)), 1.4T',
  ].join('\n'));
  scoped(toks, '## The loss.', 'comment.line.documentation.law');
  scoped(toks, '# eq. 2', 'comment.line.number-sign.law');
  scoped(toks, 'law', 'keyword.declaration.law');
  scoped(toks, 'chinchilla', 'entity.name.function.law');
  scoped(toks, 'chinchilla', 'entity.name.namespace.law', 1);
  scoped(toks, 'PFday', 'entity.name.variable.law');
  scoped(toks, '8.64e19', 'constant.numeric.law');
  scoped(toks, '70B', 'constant.numeric.law');
  scoped(toks, 'compute', 'entity.name.variable.law');
  scoped(toks, 'runs', 'entity.name.variable.law');
  scoped(toks, '`Model Size`', 'variable.other.quoted.law');
  scoped(toks, 'csv', 'support.function.law');
  scoped(toks, 'huber', 'support.function.law');
  scoped(toks, 'exp', 'support.function.builtin.law');
  scoped(toks, 'where', 'keyword.other.law');
  scoped(toks, 'and', 'keyword.operator.logical.law');
  scoped(toks, 'cite', 'keyword.other.law');
  scoped(toks, 'optimal', 'keyword.control.statement.law');
  scoped(toks, 'expect', 'keyword.control.statement.law');
  scoped(toks, '~', 'keyword.operator.tilde.law');
  scoped(toks, '+-', 'keyword.operator.tolerance.law');
  scoped(toks, '..', 'keyword.operator.range.law');
  scoped(toks, '->', 'keyword.operator.arrow.law');
  scoped(toks, '^', 'keyword.operator.arithmetic.law');
  scoped(toks, '<', 'keyword.operator.comparison.law');
  scoped(toks, 'runs.csv', 'string.quoted.double.law');
  scoped(toks, 'alpha', 'variable.other.law');
  scoped(toks, '{', 'punctuation.section.braces.law');
});

test('soft keywords used as functions are calls, not keywords', async () => {
  const toks = await tokens('let x = log(2) + sign(-1)\nlet y = 1..100 log 3');
  scoped(toks, 'log', 'support.function.builtin.law');
  scoped(toks, 'log', 'keyword.other.law', 1);
});
