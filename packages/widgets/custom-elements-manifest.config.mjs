// @custom-elements-manifest/analyzer's settings for `npm run build:manifest`: the widgets'
// sources in, `custom-elements.json` (the package's "customElements") out, with Lit's
// `static properties` understood and two corrections the analyzer does not make on its own.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/__test-support__/**', 'src/**/__fixtures__/**'],
  outdir: '.',
  litelement: true,
  // The package.json names the manifest itself: the analyzer would write its own path there.
  packagejson: false,
  plugins: [reactiveStatePlugin(), documentedEventsPlugin()],
};

/**
 * Lit's reactive state (`{ state: true }` in `static properties`) has no attribute, but the
 * analyzer lists one for it: it is taken out, also where a subclass inherits it. Whether the
 * field is public stays as TypeScript declares it.
 */
function reactiveStatePlugin() {
  /** `Class.property` of every state property. */
  const states = new Set();
  return {
    name: 'tally-reactive-state',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || node.name === undefined) return;
      for (const member of node.members) {
        if (!ts.isPropertyDeclaration(member) || member.name.getText() !== 'properties') continue;
        const isStatic = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
        if (!isStatic || member.initializer === undefined) continue;
        if (!ts.isObjectLiteralExpression(member.initializer)) continue;
        for (const property of member.initializer.properties) {
          if (!ts.isPropertyAssignment(property)) continue;
          if (!ts.isObjectLiteralExpression(property.initializer)) continue;
          const isState = property.initializer.properties.some(
            (option) =>
              ts.isPropertyAssignment(option) &&
              option.name.getText() === 'state' &&
              option.initializer.kind === ts.SyntaxKind.TrueKeyword,
          );
          if (isState) states.add(`${node.name.getText()}.${property.name.getText()}`);
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of classes(customElementsManifest)) {
        const isState = (item) =>
          states.has(
            `${item.inheritedFrom?.name ?? declaration.name}.${item.fieldName ?? item.name}`,
          );
        if (declaration.attributes !== undefined) {
          declaration.attributes = declaration.attributes.filter(
            (attribute) => !isState(attribute),
          );
        }
        for (const member of declaration.members ?? []) {
          if (member.kind !== 'field' || !isState(member)) continue;
          delete member.attribute;
          delete member.reflects;
        }
      }
    },
  };
}

/**
 * The analyzer also reads `dispatchEvent(new SomeEvent(a, b))` and takes `a` for the event's
 * name, which gives events named after constructor arguments. Only the events documented with
 * `@event` are kept (inherited ones too), once each, typed with their class from
 * `src/events/tally-events.ts` and its kin (`static readonly type = 'tally-…'`).
 */
function documentedEventsPlugin() {
  /** Every event name documented with `@event` on some class. */
  const documented = new Set();
  /** The event class of each event name. */
  const classOf = new Map();
  return {
    name: 'tally-documented-events',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || node.name === undefined) return;
      for (const tag of ts.getJSDocTags(node)) {
        if (tag.tagName.text !== 'event' && tag.tagName.text !== 'fires') continue;
        const comment = ts.getTextOfJSDocComment(tag.comment) ?? '';
        const name = /^\s*(?:\{[^}]*\}\s*)?([\w-]+)/.exec(comment)?.[1];
        if (name !== undefined) documented.add(name);
      }
      const extendsEvent = node.heritageClauses?.some((clause) =>
        clause.types.some((type) => type.expression.getText() === 'Event'),
      );
      if (!extendsEvent) return;
      for (const member of node.members) {
        if (!ts.isPropertyDeclaration(member) || member.name.getText() !== 'type') continue;
        if (member.initializer !== undefined && ts.isStringLiteral(member.initializer)) {
          classOf.set(member.initializer.text, node.name.getText());
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of classes(customElementsManifest)) {
        if (declaration.events === undefined) continue;
        const byName = new Map();
        for (const event of declaration.events) {
          if (!documented.has(event.name)) continue;
          const kept = byName.get(event.name);
          // The documented one (with a description) wins over one read from the code.
          if (kept === undefined || (kept.description === undefined && event.description)) {
            byName.set(event.name, event);
          }
        }
        declaration.events = [...byName.values()].map((event) =>
          classOf.has(event.name) ? { ...event, type: { text: classOf.get(event.name) } } : event,
        );
      }
    },
  };
}

/** Every class declared in the manifest. */
function* classes(manifest) {
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.kind === 'class') yield declaration;
    }
  }
}
