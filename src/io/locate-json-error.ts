import { createScanner, type ParseError } from "jsonc-parser";

/*
 * jsonc-parser's own parser is recursive, so text nested tens of thousands of levels deep (which
 * JSON.parse, being iterative, reads fine) overflows the call stack while locating an error. This is
 * the same grammar walked with an explicit stack over jsonc-parser's scanner, reporting the same
 * first error (code and offset) as `parse(text, errors, { disallowComments: true })`.
 * Numbers are jsonc-parser's enum values (its enums are `const`, so they cannot be imported at run time).
 */

const T = { openBrace: 1, closeBrace: 2, openBracket: 3, closeBracket: 4, comma: 5, colon: 6, nullKw: 7, trueKw: 8, falseKw: 9, string: 10, number: 11, lineComment: 12, blockComment: 13, lineBreak: 14, trivia: 15, unknown: 16, eof: 17 } as const;
const E = { invalidSymbol: 1, propertyNameExpected: 3, valueExpected: 4, colonExpected: 5, commaExpected: 6, closeBraceExpected: 7, closeBracketExpected: 8, endOfFileExpected: 9, invalidCommentToken: 10 } as const;
/** ScanError → ParseErrorCode, as jsonc-parser's visit maps them (an unterminated comment is reported as a comment token instead). */
const SCAN_ERRORS: Record<number, number> = { 2: 12, 3: 13, 4: 14, 5: 15, 6: 16 };

class Found {
  constructor(readonly error: number, readonly offset: number) {}
}

/**
 * The first syntax error in JSON text, as jsonc-parser (strict: no comments, no trailing commas)
 * reports it, at any nesting depth; undefined when the grammar finds none.
 *
 * @example
 * locateJsonSyntaxError('[1 2]'); // => { error: 6, offset: 3, length: 0 } (comma expected at "2")
 */
export function locateJsonSyntaxError(text: string): ParseError | undefined {
  const scanner = createScanner(text, false);
  const fail = (error: number): never => {
    throw new Found(error, scanner.getTokenOffset());
  };
  const next = (): number => {
    for (;;) {
      const token = scanner.scan() as number;
      const scanError = SCAN_ERRORS[scanner.getTokenError() as number];
      if (scanError !== undefined) fail(scanError);
      if (token === T.lineComment || token === T.blockComment) fail(E.invalidCommentToken);
      if (token === T.unknown) fail(E.invalidSymbol);
      if (token !== T.trivia && token !== T.lineBreak) return token;
    }
  };

  const stack: Array<{ object: boolean; needsComma: boolean }> = [];
  let token = 0;
  /** Consumes a value's first token: a literal whole, or an opening bracket (pushed). */
  const startValue = (): void => {
    if (token === T.openBracket || token === T.openBrace) stack.push({ object: token === T.openBrace, needsComma: false });
    else if (token !== T.string && token !== T.number && token !== T.nullKw && token !== T.trueKw && token !== T.falseKw) fail(E.valueExpected);
    token = next();
  };

  try {
    token = next();
    startValue();
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (token === (frame.object ? T.closeBrace : T.closeBracket)) {
        stack.pop();
        token = next();
        continue;
      }
      if (token === T.eof) fail(frame.object ? E.closeBraceExpected : E.closeBracketExpected);
      if (token === T.comma) {
        if (!frame.needsComma) fail(E.valueExpected);
        token = next();
      } else if (frame.needsComma) fail(E.commaExpected);
      frame.needsComma = true;
      if (frame.object) {
        if (token !== T.string) fail(E.propertyNameExpected);
        token = next();
        if (token !== T.colon) fail(E.colonExpected);
        token = next();
      }
      startValue();
    }
    if (token !== T.eof) fail(E.endOfFileExpected);
    return undefined;
  } catch (error) {
    if (error instanceof Found) return { error: error.error as ParseError["error"], offset: error.offset, length: 0 };
    throw error;
  }
}
