// Small DOM helpers: the page is plain DOM, no framework.

/** Creates an element: `el('input', { type: 'text', id: 'x' }, ...children)`. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'value') continue; // set after the children: a select needs its options first
    if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key in node && typeof value !== 'string') node[key] = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  if (attrs.value !== undefined && attrs.value !== null) node.value = attrs.value;
  return node;
}

/** `estimatedRepairCompletionAt` -> `Estimated repair completion at`; `parts_ordered` -> `Parts ordered`. */
export function humanize(name) {
  const words = String(name)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A string usable in an id attribute. */
export function idSafe(name) {
  return String(name).replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`);
}

/** RFC 6901: the segments of a JSON Pointer, unescaped. */
export function pointerSegments(pointer) {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** RFC 6901: a JSON Pointer from segments. */
export function pointer(...segments) {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}
