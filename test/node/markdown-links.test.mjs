// Every relative link and image in the project's Markdown (the README, docs/, the packages',
// examples' and benchmarks' READMEs) points at a file or folder that exists. Links to other
// sites, anchors on the same page and links inside code are not checked.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Folders never checked: installed packages, build output, the generated API reference. */
const SKIPPED = new Set(['node_modules', 'dist', 'build', 'api', '.git', '.test-results']);

function markdownUnder(folder) {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : markdownUnder(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

const files = [
  join(root, 'README.md'),
  ...markdownUnder(join(root, 'docs')),
  ...markdownUnder(join(root, 'examples')),
  ...markdownUnder(join(root, 'bench')),
  ...readdirSync(join(root, 'packages'))
    .map((name) => join(root, 'packages', name, 'README.md'))
    .filter((path) => existsSync(path)),
];

/** The targets of a Markdown text's inline links and images, outside code. */
function linkTargets(markdown) {
  const prose = markdown
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '')
    .replace(/`[^`\n]*`/g, '');
  const targets = [];
  for (const match of prose.matchAll(
    /!?\[(?:[^\]\n]|\][^(])*?\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g,
  )) {
    targets.push(match[1]);
  }
  for (const match of prose.matchAll(/<img\s[^>]*src="([^"]+)"/g)) targets.push(match[1]);
  return targets;
}

function isExternal(target) {
  return /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');
}

describe('Markdown links', () => {
  test('finds the Markdown files, and links in them', () => {
    assert.ok(files.length >= 10, `found ${files.length} files`);
    const readme = linkTargets(readFileSync(join(root, 'README.md'), 'utf8'));
    assert.ok(readme.some((target) => target.startsWith('docs/guides/')));
    assert.ok(readme.some((target) => target.startsWith('docs/screenshots/')));
  });

  test('reads inline links and images, not code', () => {
    const sample = [
      'See [the guide](docs/a.md#part) and ![a shot](img/b.png "title").',
      '`[not](a-link.md)`',
      '```md',
      '[also not](inside-code.md)',
      '```',
      '<img src="c.png" alt="c">',
    ].join('\n');
    assert.deepEqual(linkTargets(sample), ['docs/a.md#part', 'img/b.png', 'c.png']);
  });

  for (const file of files) {
    test(relative(root, file), () => {
      const broken = [];
      for (const target of linkTargets(readFileSync(file, 'utf8'))) {
        if (isExternal(target) || target.startsWith('#')) continue;
        const path = decodeURIComponent(target.replace(/[#?].*$/, ''));
        if (!existsSync(join(dirname(file), path))) broken.push(target);
      }
      assert.deepEqual(broken, [], `broken links in ${relative(root, file)}`);
    });
  }
});
