// Checks the widgets' custom-elements.json (made by `npm run build`) against their sources: every
// element `customElements.define`s is declared with its tag, class, the attributes Lit observes
// for its `static properties` (its base classes' included) and the events it dispatches. The
// expected lists are read from the TypeScript sources here, independently of the analyzer.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const widgets = join(root, 'packages', 'widgets');
const manifestPath = join(widgets, 'custom-elements.json');

/** The widgets' source files: no tests, no test support. */
function sourceFiles() {
  return readdirSync(join(widgets, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .filter((file) => !file.endsWith('.test.ts') && !file.includes('__test-support__'));
}

/**
 * What the sources say: the classes (base class, `static properties`, events dispatched), the
 * event classes' names, and the tags defined.
 */
function readSources() {
  const classes = new Map();
  const eventNames = new Map();
  const defined = new Map();
  for (const file of sourceFiles()) {
    const source = ts.createSourceFile(
      file,
      readFileSync(file, 'utf8'),
      ts.ScriptTarget.ES2022,
      true,
    );
    const visit = (node) => {
      if (ts.isClassDeclaration(node) && node.name !== undefined) {
        classes.set(node.name.text, readClass(node, file));
        const type = staticString(node, 'type');
        if (type !== undefined) eventNames.set(node.name.text, type);
      }
      if (
        ts.isCallExpression(node) &&
        node.expression.getText() === 'customElements.define' &&
        ts.isStringLiteral(node.arguments[0])
      ) {
        defined.set(node.arguments[0].text, { className: node.arguments[1].getText(), file });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { classes, eventNames, defined };
}

function readClass(node, file) {
  const base = node.heritageClauses
    ?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)
    ?.types[0]?.expression.getText();
  const properties = new Map();
  for (const member of node.members) {
    if (!ts.isPropertyDeclaration(member) || member.name.getText() !== 'properties') continue;
    if (!member.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword))
      continue;
    const literal = member.initializer;
    assert.ok(literal && ts.isObjectLiteralExpression(literal), `${file}: static properties`);
    for (const property of literal.properties) {
      properties.set(property.name.getText(), attributeOf(property));
    }
  }
  const dispatched = new Set();
  const visit = (child) => {
    if (
      ts.isCallExpression(child) &&
      child.expression.getText().endsWith('dispatchEvent') &&
      child.arguments[0] !== undefined &&
      ts.isNewExpression(child.arguments[0])
    ) {
      const created = child.arguments[0];
      const name = created.expression.getText();
      const first = created.arguments?.[0];
      dispatched.add(name === 'Event' || name === 'CustomEvent' ? `"${first?.text}"` : name);
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return { base, properties, dispatched };
}

/** Lit's attribute for a property declaration: none for state or `attribute: false`. */
function attributeOf(property) {
  const name = property.name.getText();
  if (!ts.isPropertyAssignment(property) || !ts.isObjectLiteralExpression(property.initializer)) {
    return name.toLowerCase();
  }
  const option = (key) =>
    property.initializer.properties.find(
      (entry) => ts.isPropertyAssignment(entry) && entry.name.getText() === key,
    )?.initializer;
  if (option('state')?.kind === ts.SyntaxKind.TrueKeyword) return null;
  const attribute = option('attribute');
  if (attribute === undefined || attribute.kind === ts.SyntaxKind.TrueKeyword)
    return name.toLowerCase();
  if (attribute.kind === ts.SyntaxKind.FalseKeyword) return null;
  assert.ok(ts.isStringLiteral(attribute), `attribute of ${name}: a string`);
  return attribute.text;
}

function staticString(node, name) {
  for (const member of node.members) {
    if (!ts.isPropertyDeclaration(member) || member.name.getText() !== name) continue;
    if (member.initializer !== undefined && ts.isStringLiteral(member.initializer))
      return member.initializer.text;
  }
  return undefined;
}

/** The class and its bases within the widgets, the class first. */
function chainOf(className, classes) {
  const chain = [];
  for (let name = className; classes.has(name); name = classes.get(name).base) {
    chain.push(classes.get(name));
  }
  return chain;
}

/** The attributes Lit observes for a class: each property's, a subclass's declaration winning. */
function observedAttributes(className, classes) {
  const properties = new Map();
  for (const declared of chainOf(className, classes).reverse()) {
    for (const [name, attribute] of declared.properties) properties.set(name, attribute);
  }
  return [...properties.values()].filter((attribute) => attribute !== null).sort();
}

/** The event names a class (or a base of it) dispatches. */
function dispatchedEvents(className, classes, eventNames) {
  const names = new Set();
  for (const declared of chainOf(className, classes)) {
    for (const created of declared.dispatched) {
      if (created.startsWith('"')) names.add(created.slice(1, -1));
      else if (eventNames.has(created)) names.add(eventNames.get(created));
    }
  }
  return [...names].sort();
}

describe('custom-elements.json', () => {
  assert.ok(existsSync(manifestPath), 'packages/widgets/custom-elements.json: run npm run build');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const { classes, eventNames, defined } = readSources();
  const declarations = new Map();
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.tagName !== undefined)
        declarations.set(declaration.tagName, { declaration, module });
    }
  }

  test('the package names it, and publishes it', () => {
    const pkg = JSON.parse(readFileSync(join(widgets, 'package.json'), 'utf8'));
    assert.equal(pkg.customElements, 'custom-elements.json');
    assert.ok(pkg.files.includes('custom-elements.json'));
    assert.match(manifest.schemaVersion, /^\d+\.\d+\.\d+$/);
  });

  test('the sources define every element the design names', () => {
    // The contract's list; the tests below cover every defined element, these and the rest.
    const designed = [
      'tally-provider',
      'tally-date-range',
      'tally-user-filter',
      'tally-search',
      'tally-stat-cards',
      'tally-leaderboard',
      'tally-timeline',
      'tally-breakdown',
      'tally-table',
      'tally-budget',
      'tally-health',
      'tally-usage-tab',
      'tally-bot-analytics',
      'tally-agent-analytics',
      'tally-credit-analytics',
    ];
    for (const tag of designed) assert.ok(defined.has(tag), `${tag} is defined`);
  });

  test('declares every defined element with its tag, class and module', () => {
    for (const [tag, { className, file }] of defined) {
      const found = declarations.get(tag);
      assert.ok(found, `${tag} is declared`);
      assert.equal(found.declaration.name, className, `${tag}'s class`);
      assert.equal(found.module.path, relative(widgets, file).split('\\').join('/'));
      assert.ok(found.declaration.summary || found.declaration.description, `${tag} is described`);
      assert.ok(
        found.module.exports?.some(
          (entry) => entry.kind === 'custom-element-definition' && entry.name === tag,
        ),
        `${tag}'s module exports its definition`,
      );
    }
    assert.deepEqual([...declarations.keys()].sort(), [...defined.keys()].sort());
  });

  test('lists exactly the attributes each element observes', () => {
    for (const [tag, { className }] of defined) {
      const { declaration } = declarations.get(tag);
      const listed = (declaration.attributes ?? []).map((attribute) => attribute.name).sort();
      assert.deepEqual(listed, observedAttributes(className, classes), `${tag}'s attributes`);
    }
  });

  test('lists every property, with or without an attribute', () => {
    for (const [tag, { className }] of defined) {
      const { declaration } = declarations.get(tag);
      const fields = new Set(
        (declaration.members ?? [])
          .filter((member) => member.kind === 'field' && !member.static)
          .map((member) => member.name),
      );
      for (const declared of chainOf(className, classes)) {
        for (const name of declared.properties.keys()) {
          assert.ok(fields.has(name), `${tag} lists its property ${name}`);
        }
      }
    }
  });

  test('lists the events each element dispatches, typed with their classes', () => {
    const classOf = new Map([...eventNames].map(([className, name]) => [name, className]));
    for (const [tag, { className }] of defined) {
      const { declaration } = declarations.get(tag);
      const listed = new Map((declaration.events ?? []).map((event) => [event.name, event]));
      for (const name of dispatchedEvents(className, classes, eventNames)) {
        assert.ok(listed.has(name), `${tag} lists ${name}`);
        if (classOf.has(name)) assert.equal(listed.get(name).type?.text, classOf.get(name));
        assert.ok(listed.get(name).description, `${tag}'s ${name} is described`);
      }
      assert.equal(listed.size, (declaration.events ?? []).length, `${tag}: each event once`);
    }
  });

  test('lists the parts and custom properties the JSDoc documents, one per tag', () => {
    for (const [tag] of defined) {
      const { declaration } = declarations.get(tag);
      const documented = (text, tagName) =>
        [...text.matchAll(new RegExp(`@${tagName}\\s+\\[?(--?[\\w-]+|[\\w-]+)`, 'g'))].map(
          (match) => match[1],
        );
      const { file } = defined.get(tag);
      const text = readFileSync(file, 'utf8');
      const parts = (declaration.cssParts ?? []).map((part) => part.name);
      const properties = (declaration.cssProperties ?? []).map((property) => property.name);
      for (const part of documented(text, 'csspart'))
        assert.ok(parts.includes(part), `${tag} ::part(${part})`);
      for (const property of documented(text, 'cssproperty'))
        assert.ok(properties.includes(property), `${tag} ${property}`);
    }
  });
});
