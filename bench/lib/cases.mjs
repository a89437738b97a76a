// Turns a case's expression into functions. Each gets its own source text
// (new Function), so V8 keeps separate type feedback per case: one shared loop
// calling every peer would go megamorphic and slow them all alike.

/** verdict(it) -> boolean, for the agreement check. */
export function verdictFn(c) {
  return new Function('f', 'g', `return function verdict_${c.id.replace(/\W/g, '_')}(it) { return !!(${c.expr}); }`)(c.f, c.g);
}

/** run(items) -> how many were valid, for timing. */
export function runnerFn(c) {
  return new Function(
    'f',
    'g',
    `return function run_${c.id.replace(/\W/g, '_')}(items) {
      let n = 0;
      for (let i = 0; i < items.length; i++) {
        const it = items[i];
        if (${c.expr}) n++;
      }
      return n;
    }`,
  )(c.f, c.g);
}
