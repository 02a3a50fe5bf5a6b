import { describe, expect, it } from 'vitest';
import { formatPercent, ordinal, withArticle } from './format';

describe('ordinal', () => {
  it('says 1st, 2nd, 3rd, 4th, the teens with th, and large ranks with separators', () => {
    expect([1, 2, 3, 4, 10, 11, 12, 13, 14, 21, 22, 23, 101, 111, 112, 1002].map(ordinal)).toEqual([
      '1st', '2nd', '3rd', '4th', '10th', '11th', '12th', '13th', '14th', '21st', '22nd', '23rd', '101st', '111th', '112th', '1,002nd',
    ]);
  });
});

describe('withArticle', () => {
  it('puts a before a consonant and an before a vowel: the nouns of the datasets', () => {
    expect(['digit', 'character', 'image'].map(withArticle)).toEqual(['a digit', 'a character', 'an image']);
  });
});

describe('formatPercent', () => {
  it('rounds the exact fraction half up to one decimal, whatever the double of it would', () => {
    // 1965/2000 = 98.25 exactly, 1961/2000 = 98.05 (its double is 98.0499…), 2/3 = 66.66…
    expect([formatPercent(1965, 2000), formatPercent(1961, 2000), formatPercent(2, 3), formatPercent(480, 500)]).toEqual(['98.3 %', '98.1 %', '66.7 %', '96.0 %']);
    expect([formatPercent(0, 7), formatPercent(7, 7), formatPercent(1, 0)]).toEqual(['0.0 %', '100.0 %', null]);
  });
});
