import { describe, expect, it } from 'vitest';
import { acronymsTakePlural, conjugate, expandForms, inflections, pluralOf, spellingVariants } from './variants';

const sorted = (xs: string[]) => [...xs].sort();

describe('spellingVariants', () => {
  it.each([
    ['denuclearisation', ['denuclearisation', 'denuclearization']],
    ['denuclearization', ['denuclearization', 'denuclearisation']],
    ['denuclearised', ['denuclearised', 'denuclearized']],
    ['denuclearising', ['denuclearising', 'denuclearizing']],
    ['warhead miniaturisation', ['warhead miniaturisation', 'warhead miniaturization']],
    ['National Security Adviser', ['National Security Adviser', 'National Security Advisor']],
    ['behaviour change', ['behaviour change', 'behavior change']],
    ['behavioural', ['behavioural', 'behavioral']],
    ['nuclear programme', ['nuclear programme', 'nuclear program']],
    ['missile defence', ['missile defence', 'missile defense']],
    ['licence', ['licence', 'license']],
    ['Wilson Center', ['Wilson Center', 'Wilson Centre']],
    ['analyse', ['analyse', 'analyze']],
    ['paralysed', ['paralysed', 'paralyzed']],
    ['Organisation', ['Organisation', 'Organization']],
    ['sceptical', ['sceptical', 'skeptical']],
    ['fuelled', ['fuelled', 'fueled']],
  ])('%s', (phrase, want) => {
    expect(sorted(spellingVariants(phrase))).toEqual(sorted(want));
    expect(spellingVariants(phrase)[0]).toBe(phrase);
  });

  it('leaves words alone that only look like variants', () => {
    for (const w of ['four', 'your', 'hour', 'tour', 'flour', 'honorary', 'humorous', 'laboratory', 'rise', 'promise', 'compromise',
      'surprise', 'exercise', 'advertise', 'size', 'prize', 'seize', 'Louise', 'analysis', 'raise', 'televised', 'enterprise', 'Pyongyang']) {
      expect(spellingVariants(w)).toEqual([w]);
    }
  });

  it('writes Korean names spaced, hyphenated, and hyphenated with a capital', () => {
    const kim = ['Kim Jong Un', 'Kim Jong-un', 'Kim Jong-Un'];
    for (const form of kim) expect(sorted(spellingVariants(form))).toEqual(sorted(kim));
    expect(sorted(spellingVariants('Moon Jae-in'))).toEqual(sorted(['Moon Jae-in', 'Moon Jae In', 'Moon Jae-In']));
    expect(sorted(spellingVariants('Chairman Kim Il Sung'))).toEqual(
      sorted(['Chairman Kim Il Sung', 'Chairman Kim Il-sung', 'Chairman Kim Il-Sung']),
    );
    // Only after a Korean surname: other capitalised phrases keep their spaces.
    expect(spellingVariants('North Korea')).toEqual(['North Korea']);
    expect(spellingVariants('Donald J Trump')).toEqual(['Donald J Trump']);
  });

  it('writes hyphenated compounds with spaces, and closes up known prefixes', () => {
    expect(spellingVariants('non-proliferation')).toEqual(['non-proliferation', 'nonproliferation']);
    expect(spellingVariants('pre-emptive strike')).toEqual(['pre-emptive strike', 'preemptive strike']);
    expect(spellingVariants('anti-US')).toEqual(['anti-US', 'anti-U.S.']);
    expect(spellingVariants('US-led coalition')).toEqual(
      expect.arrayContaining(['US-led coalition', 'US led coalition', 'U.S.-led coalition']),
    );
    expect(spellingVariants('nuclear-armed')).toEqual(['nuclear-armed', 'nuclear armed']);
  });

  it('dots and undots titles and short acronyms', () => {
    expect(spellingVariants('Mr Kim')).toEqual(['Mr Kim', 'Mr. Kim']);
    expect(spellingVariants('Mr. Bolton')).toEqual(['Mr. Bolton', 'Mr Bolton']);
    expect(spellingVariants('US')).toEqual(['US', 'U.S.']);
    expect(spellingVariants('U.N.')).toEqual(['U.N.', 'UN']);
    expect(spellingVariants('DPRK')).toEqual(['DPRK']); // four letters are never dotted in news
    expect(spellingVariants('Summit II')).toEqual(['Summit II']); // nor Roman numerals
  });

  it('keeps the case of each word', () => {
    expect(spellingVariants('NORMALISATION')).toEqual(['NORMALISATION', 'NORMALIZATION']);
    expect(spellingVariants('ICBMs')).toEqual(['ICBMs']);
  });
});

describe('inflections', () => {
  it.each([
    ['missile', ['missile', 'missiles']],
    ['regime', ['regime', 'regimes']],
    ['rogue state', ['rogue state', 'rogue states']],
    ['policy', ['policy', 'policies']],
    ['madman', ['madman', 'madmen']],
    ['embargo', ['embargo', 'embargoes']],
    ['moratorium', ['moratorium', 'moratoria', 'moratoriums']],
    ['state-sponsor', ['state-sponsor', 'state-sponsors']],
    // Named things, quotations and prepositional phrases name one thing: no plural.
    ['moratorium on testing', ['moratorium on testing']],
    ['Libya model', ['Libya model']],
    ["It won't happen", ["It won't happen"]],
    ['worst deal ever', ['worst deal ever']],
    ['second summit', ['second summit']],
    ['counterproliferation', ['counterproliferation']],
    ['Muammar al-Qaddafi', ['Muammar al-Qaddafi']],
    ['sanctions relief', ['sanctions relief']],
    ['sanctions', ['sanctions', 'sanction', 'sanctioned', 'sanctioning']],
    ['launches', ['launches', 'launch', 'launched', 'launching']],
    ['maximum pressure', ['maximum pressure']],
    ['transactional', ['transactional']],
    ['nuclear-armed', ['nuclear-armed']],
    ['fire and fury', ['fire and fury']],
    ['Kim Jong-un', ['Kim Jong-un']],
    ['Punggye-ri', ['Punggye-ri']],
    ['North Korea', ['North Korea']],
    ['denuclearise', ['denuclearise', 'denuclearises', 'denuclearised', 'denuclearising']],
    ['denuclearisation', ['denuclearisation', 'denuclearise', 'denuclearises', 'denuclearised', 'denuclearising']],
    ['freeze', ['freeze', 'freezes', 'froze', 'frozen', 'freezing']],
    ['CVID', ['CVID']],
  ])('%s', (phrase, want) => {
    expect(sorted(inflections(phrase))).toEqual(sorted(want));
  });

  it('pluralises a final acronym only when asked', () => {
    expect(inflections('ICBM', { acronymPlural: true })).toEqual(['ICBM', 'ICBMs']);
    expect(inflections('ICBM')).toEqual(['ICBM']);
    expect(acronymsTakePlural(['ICBM', 'intercontinental ballistic missile'])).toBe(true);
    expect(acronymsTakePlural(['CVID', 'complete, verifiable, irreversible denuclearisation'])).toBe(false);
    expect(acronymsTakePlural(['JCPOA', 'Joint Comprehensive Plan of Action', 'Iran deal'])).toBe(false);
  });

  it('has plain helpers for single words', () => {
    expect(pluralOf('crisis')).toEqual(['crises']);
    expect(pluralOf('address')).toEqual(['addresses']);
    expect(pluralOf('talks')).toEqual([]);
    expect(conjugate('verification')).toEqual(['verify', 'verifies', 'verified', 'verifying']);
    expect(conjugate('umbrella')).toEqual([]);
  });
});

describe('expandForms', () => {
  it('combines inflections and spelling variants', () => {
    expect(sorted(expandForms('denuclearisation'))).toEqual(
      sorted(['denuclearisation', 'denuclearization', 'denuclearise', 'denuclearize', 'denuclearises', 'denuclearizes',
        'denuclearised', 'denuclearized', 'denuclearising', 'denuclearizing']),
    );
    expect(sorted(expandForms('nuclear programme'))).toEqual(
      sorted(['nuclear programme', 'nuclear program', 'nuclear programmes', 'nuclear programs']),
    );
    expect(expandForms('Kim Jong Un')).toHaveLength(3);
  });
});
