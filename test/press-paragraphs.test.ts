// Press paragraphs written apart from the rules (fixtures/press-paragraphs/README.md).
import { describeDevSet } from './support/dev-set.js';

describeDevSet('press paragraphs written apart from the rules', 'press-paragraphs', { lines: 38, precision: 0.94, recall: 0.91 });
