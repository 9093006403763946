/** Findings, de-duplicated by rule and key, each with its first example and a count. */

export const RULES = {
  noAnswer: 'no answer (timeout or connection dropped)',
  serverError: 'answered 5xx',
  undeclaredStatus: 'status not declared for the operation',
  unexpectedOutsideDocument:
    'request outside the document (undeclared method or path, malformed HTTP) not answered as expected',
  notProblemJson: 'error not served as application/problem+json',
  problemMembers: 'problem document lacks type/title/status/code/requestId, or its status differs',
  undocumentedCode: 'error code not among the codes the document lists for that status',
  undeclaredMediaType: 'response media type not declared for that status',
  responseSchema: 'response body does not match the documented schema',
  acceptedInvalid: 'input invalid per the document answered 2xx',
  pathParamUnderspecified:
    'path parameter value valid per the document refused with 400 (the document under-specifies it)',
  missingAllow: '405 without an Allow header',
  documentMissing503: 'document: operation does not declare 503 (DEPENDENCY_UNAVAILABLE)',
} as const;

export type Rule = keyof typeof RULES;

interface Finding {
  key: string;
  example: string;
  count: number;
  /** e.g. the methods it was seen with */
  details: Set<string>;
}

export class Violations {
  private readonly byRule = new Map<Rule, Map<string, Finding>>();

  add(rule: Rule, key: string, example: string, detail?: string): void {
    let findings = this.byRule.get(rule);
    if (!findings) this.byRule.set(rule, (findings = new Map()));
    let found = findings.get(key);
    if (!found) findings.set(key, (found = { key, example, count: 0, details: new Set() }));
    found.count++;
    if (detail) found.details.add(detail);
  }

  get size(): number {
    return [...this.byRule.values()].reduce((sum, findings) => sum + findings.size, 0);
  }

  /** One readable list, grouped by rule in RULES order. */
  report(): string {
    const sections: string[] = [];
    for (const rule of Object.keys(RULES) as Rule[]) {
      const findings = this.byRule.get(rule);
      if (!findings) continue;
      const lines = [...findings.values()]
        .sort((a, b) => a.key.localeCompare(b.key))
        .map((f) => {
          const details = f.details.size > 0 ? ` [${[...f.details].sort().join(', ')}]` : '';
          return `  • ${f.key}${details}${f.count > 1 ? ` (×${f.count})` : ''}\n      e.g. ${f.example}`;
        });
      sections.push(`${RULES[rule]} — ${findings.size} distinct\n${lines.join('\n')}`);
    }
    return sections.join('\n\n');
  }
}
