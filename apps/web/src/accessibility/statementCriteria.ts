/**
 * The WCAG 2.1 criteria the accessibility statement reports on, with their status as Dorfplatz's
 * own tests establish it. `checkedBy` names the check; a criterion no test checks says so
 * rather than claiming conformance. Keep in step with tests/e2e/accessibility*.spec.ts.
 */
export type CriterionStatus = 'met' | 'partial' | 'notChecked'
export type CriterionCheck = 'axe' | 'keyboardTest' | 'languageTest' | 'reflowTest' | 'review'

/** The WCAG number with underscores ('1_4_3'), which names the criterion in the strings. */
export type CriterionKey = '1_1_1' | '1_3_1' | '1_4_1' | '1_4_3' | '1_4_4' | '1_4_10' | '2_1_1' | '2_4_1' | '2_4_3' | '2_4_7' | '3_1_1' | '4_1_2'

export interface StatementCriterion {
  key: CriterionKey
  status: CriterionStatus
  checkedBy: CriterionCheck
}

export const STATEMENT_CRITERIA: readonly StatementCriterion[] = [
  { key: '1_1_1', status: 'partial', checkedBy: 'axe' },
  { key: '1_3_1', status: 'partial', checkedBy: 'axe' },
  { key: '1_4_1', status: 'met', checkedBy: 'review' },
  { key: '1_4_3', status: 'met', checkedBy: 'axe' },
  { key: '1_4_4', status: 'met', checkedBy: 'reflowTest' },
  { key: '1_4_10', status: 'met', checkedBy: 'reflowTest' },
  { key: '2_1_1', status: 'partial', checkedBy: 'keyboardTest' },
  { key: '2_4_1', status: 'met', checkedBy: 'axe' },
  { key: '2_4_3', status: 'partial', checkedBy: 'keyboardTest' },
  { key: '2_4_7', status: 'met', checkedBy: 'keyboardTest' },
  { key: '3_1_1', status: 'met', checkedBy: 'languageTest' },
  { key: '4_1_2', status: 'met', checkedBy: 'axe' },
]
