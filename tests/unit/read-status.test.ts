// @vitest-environment jsdom
/**
 * Status lozenges keep their text, colour and outline style in both markups (view: AUI lozenge
 * classes; Cloud: data-color and data-style), and an empty lozenge adds nothing.
 */
import { describe, expect, it } from 'vitest';
import { status } from '../../lib/read/handlers/status';
import type { ReadState } from '../../lib/read/state';

const state = {} as ReadState;

function read(html: string) {
  const host = document.createElement('div');
  host.innerHTML = html;
  return status(state, host.firstElementChild!);
}

describe('status handler', () => {
  it.each([
    ['aui-lozenge-success', 'green'],
    ['aui-lozenge-error', 'red'],
    ['aui-lozenge-current', 'yellow'],
    ['aui-lozenge-complete', 'blue'],
    ['aui-lozenge-moved', 'yellow'],
    ['aui-lozenge-new', 'purple'],
    ['aui-lozenge-progress', 'blue'],
    ['aui-lozenge-default', 'grey'],
  ])('view: %s is %s', (cls, colour) => {
    expect(read(`<span class="status-macro aui-lozenge ${cls}">  In\n review </span>`)).toEqual([
      { type: 'status', text: 'In review', colour },
    ]);
  });

  it('view: a lozenge without a colour class is grey, the first known class wins', () => {
    expect(read('<span class="status-macro aui-lozenge">Open</span>')).toEqual([
      { type: 'status', text: 'Open', colour: 'grey' },
    ]);
    expect(
      read(
        '<span class="aui-lozenge aui-lozenge-unknown aui-lozenge-new aui-lozenge-error">X</span>',
      ),
    ).toEqual([{ type: 'status', text: 'X', colour: 'purple' }]);
  });

  it('view: the subtle (outline) lozenge is marked subtle', () => {
    expect(
      read('<span class="aui-lozenge aui-lozenge-subtle aui-lozenge-error">Late</span>'),
    ).toEqual([{ type: 'status', text: 'Late', colour: 'red', subtle: true }]);
  });

  it('cloud: data-color wins over classes, data-style="subtle" marks it subtle', () => {
    expect(
      read(
        '<span data-node-type="status" data-color="purple" data-style="subtle" class="aui-lozenge-error">New</span>',
      ),
    ).toEqual([{ type: 'status', text: 'New', colour: 'purple', subtle: true }]);
    expect(
      read('<span data-node-type="status" data-color="blue" data-style="bold">Done</span>'),
    ).toEqual([{ type: 'status', text: 'Done', colour: 'blue' }]);
  });

  it('an empty lozenge adds nothing', () => {
    expect(read('<span class="aui-lozenge aui-lozenge-success"> \n </span>')).toEqual([]);
  });
});
