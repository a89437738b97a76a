// The command-line options of the bench scripts.

/**
 * The value after `name` on the command line (`--size 1024` or
 * `--size=1024`), or undefined when it is not given.
 * @param {string} name
 */
export function option(name) {
  const args = process.argv.slice(2);
  const at = args.indexOf(name);
  if (at !== -1) return args[at + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}
