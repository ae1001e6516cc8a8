import { makeHandoff, makeTemplate } from './fixtures';
import { indexTemplates, templateKey } from './template';

describe('indexTemplates', () => {
  const v1 = makeTemplate({ id: 'tpl-a', version: 1, name: 'A one' });
  const v3 = makeTemplate({ id: 'tpl-a', version: 3, name: 'A three' });
  const v2 = makeTemplate({ id: 'tpl-a', version: 2, name: 'A two' });
  const other = makeTemplate({ id: 'tpl-b', version: 1, name: 'B' });
  const index = indexTemplates([v1, v3, v2, other]);

  it('finds every version by id and version, and a handoff by the version it was created with', () => {
    expect(index.versionOf('tpl-a', 2)).toBe(v2);
    expect(index.byKey.get(templateKey('tpl-a', 1))).toBe(v1);
    expect(index.forHandoff(makeHandoff({ templateId: 'tpl-a', templateVersion: 3 }))).toBe(v3);
    expect(index.forHandoff(makeHandoff({ templateId: 'tpl-a', templateVersion: 4 }))).toBeUndefined();
    expect(index.versionOf('tpl-missing', 1)).toBeUndefined();
  });

  it('keeps each template\'s newest version, whatever the order it was given in', () => {
    expect(index.latest.get('tpl-a')).toBe(v3);
    expect(index.latest.get('tpl-b')).toBe(other);
    expect([...index.latest.keys()].sort()).toEqual(['tpl-a', 'tpl-b']);
  });
});
