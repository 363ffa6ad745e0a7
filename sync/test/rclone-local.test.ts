// The provider conformance suite for the rclone provider over rclone's local backend.
import { runProviderSuite } from './conformance/suite.js';
import { fixture, local, suiteOptions } from './rclone-fixtures.js';

runProviderSuite('rclone (local backend)', fixture(local), suiteOptions);
