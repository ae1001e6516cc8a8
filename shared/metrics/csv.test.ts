import { toCsv } from './csv';

interface Row {
  title: string;
  hours: number | null;
  late: boolean;
  tags?: string[];
}

const columns = [
  { key: 'title', header: 'Title' },
  { key: 'hours', header: 'Hours' },
  { key: 'late', header: 'Late?' },
] as const;

describe('toCsv', () => {
  it('writes a header and one CRLF-ended record per row', () => {
    expect(toCsv(columns, [{ title: 'Homepage', hours: 17, late: true }])).toBe('Title,Hours,Late?\r\nHomepage,17,true\r\n');
  });

  it('writes only the header for no rows', () => {
    expect(toCsv(columns, [])).toBe('Title,Hours,Late?\r\n');
  });

  it('quotes fields with commas, quotes or line breaks and doubles the quotes', () => {
    const rows: Row[] = [
      { title: 'Acme, Inc.', hours: 1, late: false },
      { title: 'The "big" launch', hours: 2, late: false },
      { title: 'line one\nline two', hours: 3, late: false },
      { title: 'carriage\r\nreturn', hours: 4, late: false },
    ];
    expect(toCsv(columns, rows)).toBe(
      'Title,Hours,Late?\r\n"Acme, Inc.",1,false\r\n"The ""big"" launch",2,false\r\n"line one\nline two",3,false\r\n"carriage\r\nreturn",4,false\r\n',
    );
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    const rows: Row[] = [
      { title: '=HYPERLINK("http://evil","x")', hours: 1, late: false },
      { title: '+1+1', hours: 1, late: false },
      { title: '-2+3', hours: 1, late: false },
      { title: '@SUM(A1)', hours: 1, late: false },
      { title: '\tTAB', hours: 1, late: false },
      { title: '\rCR', hours: 1, late: false },
      { title: 'a=b is fine', hours: 1, late: false },
    ];
    expect(toCsv(columns, rows).split('\r\n')).toEqual([
      'Title,Hours,Late?',
      `"'=HYPERLINK(""http://evil"",""x"")",1,false`,
      "'+1+1,1,false",
      "'-2+3,1,false",
      "'@SUM(A1),1,false",
      "'\tTAB,1,false",
      // A lone CR is a line break inside the field, so it is quoted as well as neutralised.
      `"'\rCR",1,false`,
      'a=b is fine,1,false',
      '',
    ]);
  });

  it('neutralises headers too, keeps negative numbers as numbers, and writes empty cells for missing values', () => {
    const cols = [
      { key: 'title', header: '=cmd' },
      { key: 'hours', header: 'Hours' },
    ] as const;
    expect(toCsv(cols, [{ title: '', hours: -3, late: false }, { title: 'x', hours: null, late: false }, { title: 'y', hours: Number.NaN, late: false }])).toBe(
      "'=cmd,Hours\r\n,-3\r\nx,\r\ny,\r\n",
    );
  });

  it('joins lists with "; " and checks each joined cell as a whole', () => {
    const cols = [{ key: 'tags', header: 'Missing' }] as const;
    expect(toCsv<Row>(cols, [{ title: 't', hours: 1, late: false, tags: ['Brief written', 'Client notified'] }, { title: 't', hours: 1, late: false, tags: ['=x', 'y'] }])).toBe(
      "Missing\r\nBrief written; Client notified\r\n'=x; y\r\n",
    );
  });

  it('writes a bare Date as a UTC minute that says so, never as ISO', () => {
    const cols = [{ key: 'at', header: 'At' }] as const;
    expect(toCsv(cols, [{ at: new Date('2026-12-09T09:30:00.000Z') }, { at: new Date(Number.NaN) }])).toBe('At\r\n2026-12-09 09:30 UTC\r\n\r\n');
  });
});
