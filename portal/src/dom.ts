// Small helpers to build the page from data without an HTML string in sight.

type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | boolean | ((event: Event) => void)>;

/** An element with attributes (`on…` ones are listeners) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === "function") element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, "");
    else if (value !== false) element.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === "number" ? String(child) : child);
  }
  return element;
}

/** A table with a header row and one row per item, or `empty` when there is none. */
export function table<T>(
  caption: string,
  headers: string[],
  items: T[],
  row: (item: T) => Child[],
  empty: string,
): HTMLElement {
  if (items.length === 0) return h("p", { class: "muted" }, empty);
  return h(
    "table",
    {},
    h("caption", { class: "muted", style: "text-align:left" }, caption),
    h("thead", {}, h("tr", {}, ...headers.map((header) => h("th", { scope: "col" }, header)))),
    h("tbody", {}, ...items.map((item) => h("tr", {}, ...row(item).map((cell) => h("td", {}, cell))))),
  );
}

/** A labelled input with the place its error shows, for forms that check before sending. */
export function field(
  id: string,
  label: string,
  attributes: Attributes = {},
): { wrapper: HTMLElement; input: HTMLInputElement; error: HTMLElement } {
  const input = h("input", { id, name: id, "aria-describedby": `${id}-error`, ...attributes });
  const error = h("p", { id: `${id}-error`, class: "field-error", role: "alert" });
  return { wrapper: h("div", { class: "field" }, h("label", { for: id }, label), input, error), input, error };
}

/** A short account: the first and last characters of its SS58 form. */
export function short(address: string): string {
  return address.length > 16 ? `${address.slice(0, 6)}…${address.slice(-6)}` : address;
}

/** An account as a table shows it: short, with the whole address on hover. */
export function account(address: string): HTMLElement {
  return h("code", { title: address }, short(address));
}

/** A form's buttons, lined up with the fields beside them (below an empty label's height);
 * a string is a submit button with that text. */
export function actions(...buttons: Array<HTMLElement | string>): HTMLElement {
  const items = buttons.flatMap((button, n) => [
    n > 0 ? " " : "",
    typeof button === "string" ? h("button", { type: "submit" }, button) : button,
  ]);
  return h("div", { class: "field" }, h("span", {}, "\u00a0"), h("span", {}, ...items));
}
