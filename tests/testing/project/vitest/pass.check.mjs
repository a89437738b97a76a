import { test, expect } from 'vitest';
import cases from '../matcher-cases.cjs';

cases.passing(test, expect);
