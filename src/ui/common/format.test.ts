import { describe, expect, it } from 'vitest';
import { ordinal, withArticle } from './format';

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
