// The catalogue, the TypeScript declarations and the JSON Schema of the
// installed package list the same events, fields, types and enum values. The
// declarations are read with the TypeScript compiler's own checker, not with
// regular expressions.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';

import ts from 'typescript';
import { eventCatalog, eventJsonSchema } from 'servicer-events';

const require = createRequire(import.meta.url);
const dtsPath = join(dirname(require.resolve('servicer-events/package.json')), 'index.d.ts');

const catalog = eventCatalog();
const program = ts.createProgram([dtsPath], { strict: true, noEmit: true, types: [] });
const checker = program.getTypeChecker();
const source = program.getSourceFile(dtsPath);

/** The declaration of an exported interface or type alias of index.d.ts. */
function declaration(name) {
  const found = source.statements.find(
    (s) => (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) && s.name.text === name,
  );
  assert.ok(found, `index.d.ts declares ${name}`);
  return found;
}

/** The properties an interface declares itself (not inherited), with their types. */
function ownProperties(name) {
  return declaration(name)
    .members.filter(ts.isPropertySignature)
    .map((m) => ({
      name: m.name.text,
      optional: Boolean(m.questionToken),
      type: checker.getTypeFromTypeNode(m.type),
    }));
}

/** A type in the catalogue's words: `string`, `enum [...]`, … */
function describe(type) {
  if (type.isUnion() && type.types.every((t) => t.isStringLiteral())) {
    return `enum ${JSON.stringify(type.types.map((t) => t.value).sort())}`;
  }
  return checker.typeToString(type);
}

/** The literal values of a union of string literals (a type alias or a property type). */
function literals(type) {
  return (type.isUnion() ? type.types : [type]).map((t) => t.value);
}
/** The string literals of a type alias, in source order (a union type's order is the checker's). */
function aliasLiterals(name) {
  const node = declaration(name).type;
  const members = ts.isUnionTypeNode(node) ? node.types : [node];
  return members.map((m) => {
    assert.ok(ts.isLiteralTypeNode(m) && ts.isStringLiteral(m.literal), `${name} is a union of strings`);
    return m.literal.text;
  });
}

/** What each catalogue field type is in TypeScript. */
function expectedTsType(field) {
  switch (field.type) {
    case 'string':
    case 'boolean':
      return field.type;
    case 'timestamp':
      return 'number';
    case 'timestamp_array':
      return 'number[]';
    case 'object':
      return '{ [key: string]: unknown; }';
    case 'enum':
      return `enum ${JSON.stringify([...field.values].sort())}`;
    default:
      throw new Error(`unknown field type ${field.type}`);
  }
}

test('index.d.ts has no type error and JSDoc on every export', () => {
  const diagnostics = ts.getPreEmitDiagnostics(program);
  assert.deepEqual(
    diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
    [],
  );
  for (const statement of source.statements) {
    const exported = ts.getCombinedModifierFlags(statement) & ts.ModifierFlags.Export;
    if (!exported) continue;
    const name = statement.name?.text ?? '?';
    assert.ok(ts.getJSDocCommentsAndTags(statement).length > 0, `${name} has JSDoc`);
  }
});

test('the declarations type every field as the catalogue does', () => {
  const declared = ownProperties('EventFields');
  assert.deepEqual(
    declared.map((p) => p.name),
    catalog.fields.map((f) => f.name),
  );
  for (const field of catalog.fields) {
    const p = declared.find((d) => d.name === field.name);
    assert.ok(p.optional, `${field.name} is optional`);
    assert.equal(describe(p.type), expectedTsType(field), field.name);
  }
  assert.deepEqual(aliasLiterals('KnownFieldName'), catalog.fields.map((f) => f.name));
  const timestamps = (type) => catalog.fields.filter((f) => f.type === type).map((f) => f.name);
  assert.deepEqual(aliasLiterals('TimestampField'), timestamps('timestamp'));
  assert.deepEqual(aliasLiterals('TimestampArrayField'), timestamps('timestamp_array'));
});

test('the declarations have one interface per listed event, with its listed fields', () => {
  for (const [map, serviceType] of [
    ['DepotEvents', 'repair_depot'],
    ['OnsiteEvents', 'repair_onsite'],
  ]) {
    const events = catalog.events.filter((e) => e.serviceType === serviceType);
    const entries = ownProperties(map);
    assert.deepEqual(
      entries.map((e) => e.name),
      events.map((e) => e.name),
      map,
    );
    for (const event of events) {
      const iface = entries.find((e) => e.name === event.name).type.symbol.name;
      const props = ownProperties(iface);
      assert.equal(props[0].name, 'event');
      assert.deepEqual(literals(props[0].type), [event.name], `${iface}.event`);
      assert.deepEqual(
        props.slice(1).map((p) => p.name),
        event.fields,
        `${iface} lists the fields of ${event.name}`,
      );
      for (const p of props.slice(1)) {
        const field = catalog.fields.find((f) => f.name === p.name);
        assert.equal(describe(p.type), expectedTsType(field), `${iface}.${p.name}`);
      }
    }
  }
  const other = ownProperties('OtherEvent');
  assert.equal(describe(other[0].type), 'string');
  assert.deepEqual(
    other.slice(1).map((p) => p.name),
    catalog.otherEvent.fields,
  );
});

test('the declarations list the service types, kinds, issue codes and limits of the catalogue', () => {
  assert.deepEqual(aliasLiterals('ServiceType'), catalog.serviceTypes);
  assert.deepEqual(aliasLiterals('IssueCode'), catalog.issueCodes.map((c) => c.code));
  assert.deepEqual(aliasLiterals('FieldTypeName').sort(), [...new Set(catalog.fields.map((f) => f.type))].sort());
  assert.deepEqual(
    ownProperties('Limits').map((p) => p.name).sort(),
    Object.keys(catalog.limits).sort(),
  );
});

test('the Catalog declarations describe what eventCatalog returns', () => {
  /** Every key of `value` is declared, and every required declared key is there. */
  function conforms(value, iface) {
    const props = ownProperties(iface);
    for (const key of Object.keys(value)) {
      assert.ok(
        props.some((p) => p.name === key),
        `${iface} declares ${key}`,
      );
    }
    for (const p of props.filter((p) => !p.optional)) {
      assert.ok(Object.hasOwn(value, p.name), `${iface}.${p.name} is in the catalogue`);
    }
  }
  conforms(catalog, 'Catalog');
  conforms(catalog.otherEvent, 'CatalogOtherEvent');
  catalog.events.forEach((e) => conforms(e, 'CatalogEvent'));
  catalog.fields.forEach((f) => conforms(f, 'CatalogField'));
  catalog.issueCodes.forEach((c) => conforms(c, 'CatalogIssueCode'));
  conforms(catalog.limits, 'Limits');
});

test('the schema types every field and event as the catalogue does', () => {
  const timestamp = { type: 'integer', minimum: 0, maximum: 8_640_000_000_000_000 };
  const depot = catalog.events.filter((e) => e.serviceType === 'repair_depot').map((e) => e.name);
  const onsite = catalog.events.filter((e) => e.serviceType === 'repair_onsite').map((e) => e.name);
  for (const [serviceType, forbidden] of [
    [undefined, undefined],
    ['repair_depot', onsite],
    ['repair_onsite', depot],
  ]) {
    const schema = eventJsonSchema(serviceType);
    const props = schema.properties;
    assert.deepEqual(Object.keys(props).sort(), ['event', ...catalog.fields.map((f) => f.name)].sort());
    assert.deepEqual(schema.required, ['event']);
    assert.equal(props.event.type, 'string');
    assert.equal(props.event.minLength, 1);
    assert.equal(props.event.maxLength, catalog.limits.maxEventNameLength);
    assert.deepEqual(props.event.not?.enum, forbidden, `events forbidden for ${serviceType}`);
    for (const field of catalog.fields) {
      const { description, ...p } = props[field.name];
      assert.equal(typeof description, 'string');
      const expected = {
        string: { type: 'string', maxLength: catalog.limits.maxStringLength },
        boolean: { type: 'boolean' },
        timestamp,
        timestamp_array: { type: 'array', maxItems: catalog.limits.maxArrayItems, items: timestamp },
        object: { type: 'object', $ref: '#/$defs/jsonValue' },
        enum: { type: 'string', enum: field.values },
      }[field.type];
      assert.deepEqual(p, expected, `${serviceType ?? 'all'}: ${field.name}`);
    }
  }
});
