import { PANEL_CSS } from './panel-styles';

/** A node of the page tree shown in the picker. */
export interface PickerNode {
  id: string;
  title: string;
  children: PickerNode[];
}

export interface PickerChoice {
  /** Pages to leave out, with their descendants. */
  exclude: string[];
  maxDepth?: number;
}

/**
 * The in-page panel of a subtree export: progress with Cancel, the page picker, the outcome.
 * Built with DOM calls only (never innerHTML), in a shadow root so the page's CSS stays out.
 */
export class ExportPanel {
  private readonly host: HTMLElement;
  private readonly body: HTMLElement;
  private readonly controls: HTMLElement;
  private readonly doc: Document;
  private cancelHandler: (() => void) | undefined;

  constructor(doc: Document, title: string) {
    this.doc = doc;
    this.host = doc.createElement('offprint-export-panel');
    const shadow = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = PANEL_CSS;
    const panel = this.el('section', { class: 'panel', role: 'dialog', 'aria-label': title });
    const header = this.el('header');
    header.append(this.el('span', { class: 'title' }, title));
    this.body = this.el('div', { class: 'body', 'aria-live': 'polite' });
    this.controls = this.el('div', { class: 'controls' });
    panel.append(header, this.body, this.controls);
    shadow.append(style, panel);
    doc.documentElement.append(this.host);
  }

  /** Called once when the user presses Cancel (or closes the panel during work). */
  onCancel(handler: () => void): void {
    this.cancelHandler = handler;
  }

  progress(phase: string, done?: number, total?: number, detail?: string): void {
    this.body.replaceChildren(this.el('div', { class: 'phase', 'data-testid': 'phase' }, phase));
    if (total !== undefined && done !== undefined) {
      const bar = this.el('progress', { max: String(Math.max(total, 1)), value: String(done) });
      this.body.append(
        bar,
        this.el('div', { class: 'counts', 'data-testid': 'counts' }, `${done} / ${total}`),
      );
    }
    if (detail) this.body.append(this.el('div', { class: 'counts' }, detail));
    this.setControls([this.button('Cancel', () => this.cancel(), 'cancel')]);
  }

  /** Shows the tree with checkboxes; resolves with the choice, or undefined when cancelled. */
  pick(root: PickerNode, pageCount: number): Promise<PickerChoice | undefined> {
    return new Promise((resolve) => {
      const intro = this.el(
        'div',
        { class: 'phase' },
        `${pageCount} pages. Untick what to leave out.`,
      );
      const tree = this.el('ul', { class: 'tree', 'data-testid': 'tree' });
      tree.append(this.treeItem(root));
      const depth = this.el('select', { 'aria-label': 'Depth limit', 'data-testid': 'depth' });
      depth.append(this.el('option', { value: '' }, 'All levels'));
      for (const n of [1, 2, 3, 4, 5])
        depth.append(
          this.el('option', { value: String(n) }, `${n} level${n > 1 ? 's' : ''} below`),
        );
      this.body.replaceChildren(intro, tree);
      const exportButton = this.button(
        'Export',
        () => {
          const exclude = [...tree.querySelectorAll<HTMLInputElement>('input[type=checkbox]')]
            .filter((box) => !box.checked)
            .map((box) => box.value);
          const maxDepth = (depth as HTMLSelectElement).value;
          resolve({ exclude, ...(maxDepth ? { maxDepth: Number(maxDepth) } : {}) });
        },
        'export',
        true,
      );
      this.setControls([
        depth,
        this.spacer(),
        this.button('Cancel', () => resolve(undefined), 'cancel'),
        exportButton,
      ]);
    });
  }

  done(message: string, warnings: readonly string[]): void {
    this.body.replaceChildren(this.el('div', { class: 'phase', 'data-testid': 'phase' }, message));
    if (warnings.length) {
      const list = this.el('ul', { class: 'warnings', 'data-testid': 'warnings' });
      for (const warning of warnings.slice(0, 50)) list.append(this.el('li', {}, warning));
      if (warnings.length > 50)
        list.append(this.el('li', {}, `… and ${warnings.length - 50} more`));
      this.body.append(list);
    }
    this.setControls([this.spacer(), this.button('Close', () => this.remove(), 'close', true)]);
  }

  error(message: string): void {
    this.body.replaceChildren(
      this.el('div', { class: 'phase error', role: 'alert', 'data-testid': 'phase' }, message),
    );
    this.setControls([this.spacer(), this.button('Close', () => this.remove(), 'close', true)]);
  }

  remove(): void {
    this.host.remove();
  }

  private cancel(): void {
    const handler = this.cancelHandler;
    this.cancelHandler = undefined;
    this.progress('Cancelling…');
    this.setControls([]);
    handler?.();
  }

  private treeItem(node: PickerNode): HTMLElement {
    const item = this.el('li');
    const box = this.el('input', { type: 'checkbox', value: node.id }) as HTMLInputElement;
    box.checked = true;
    const label = this.el('label');
    label.append(box, this.el('span', {}, node.title));
    item.append(label);
    if (node.children.length) {
      const list = this.el('ul');
      for (const child of node.children) list.append(this.treeItem(child));
      item.append(list);
      // Unticking a page unticks its subtree; ticking it ticks the subtree again.
      box.addEventListener('change', () => {
        for (const inner of list.querySelectorAll<HTMLInputElement>('input[type=checkbox]'))
          inner.checked = box.checked;
      });
    }
    return item;
  }

  private setControls(nodes: HTMLElement[]): void {
    this.controls.replaceChildren(...nodes);
  }

  private spacer(): HTMLElement {
    return this.el('span', { class: 'spacer' });
  }

  private button(label: string, onClick: () => void, testId: string, primary = false): HTMLElement {
    const button = this.el(
      'button',
      { type: 'button', 'data-testid': testId, ...(primary ? { class: 'primary' } : {}) },
      label,
    );
    button.addEventListener('click', onClick);
    return button;
  }

  private el(tag: string, attributes: Record<string, string> = {}, text?: string): HTMLElement {
    const element = this.doc.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    if (text !== undefined) element.textContent = text;
    return element;
  }
}
