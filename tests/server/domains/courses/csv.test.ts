import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from '../../../../src-server/domains/courses/csv';

describe('grades CSV cells', () => {
  it('quotes every cell, plain ones too, doubling quotes inside', () => {
    expect(csvRow(['emma', 'Emma', '18', ''])).toBe('"emma","Emma","18",""');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  });

  it.each([
    ['=1+1', `"'=1+1"`],
    ['+1', `"'+1"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1', `"'\t'=1"`],
    ['\r=1', `"'\r'=1"`],
  ])('makes a formula start inert at the beginning: %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([
    ['Smith;=1+1', `"Smith;'=1+1"`],
    ['Smith; =1+1', `"Smith; '=1+1"`],
    ['a,@x', `"a,'@x"`],
    ['a|+x', `"a|'+x"`],
    ['a\t-x', `"a\t'-x"`],
    ['line\n=cmd', `"line\n'=cmd"`],
  ])('makes a formula start inert after any separator: %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('leaves a dash or plus inside a word alone', () => {
    expect(csvCell('Anne-Marie O+Brien')).toBe('"Anne-Marie O+Brien"');
  });
});
