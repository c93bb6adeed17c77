/** The source article's text file: line 1 the title, line 2 the standfirst, one paragraph a line, then the author's note and the licence line. */
export interface SourceParts {
  title: string;
  standfirst: string;
  paragraphs: string[];
  authorNote: string;
  licenceLine: string;
}

/** Split the source article: title, standfirst, one paragraph a line, then the author's note and the licence line. */
export function parseSourceText(text: string): SourceParts {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length < 5) throw new Error(`source article: expected at least 5 non-empty lines, found ${lines.length}`);
  return {
    title: lines[0]!,
    standfirst: lines[1]!,
    paragraphs: lines.slice(2, -2),
    authorNote: lines[lines.length - 2]!,
    licenceLine: lines[lines.length - 1]!,
  };
}
