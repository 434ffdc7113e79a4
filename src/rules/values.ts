/** Qualifier and status values, of records and of rule examples. A leaf module: records load it without the rule schemas. */
export const QUALIFIERS = ['exact', 'approx', 'over', 'under', 'at_least', 'at_most'] as const;
export const STATUSES = ['actual', 'target'] as const;
