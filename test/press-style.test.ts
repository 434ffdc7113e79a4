// Press-style sentences written apart from the rules (fixtures/press-style/README.md).
import { describeDevSet } from './support/dev-set.js';

describeDevSet('press-style sentences written apart from the rules', 'press-style', { lines: 150, precision: 0.95, recall: 0.93 });
