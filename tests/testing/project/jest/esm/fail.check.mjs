import { test, expect } from '@jest/globals';
import cases from '../../matcher-cases.cjs';

cases.failing(test, expect);
