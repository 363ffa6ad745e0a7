// The provider conformance suite for the rclone provider over rclone's webdav backend.
import { runProviderSuite } from './conformance/suite.js';
import { fixture, suiteOptions, webdavBackend } from './rclone-fixtures.js';

runProviderSuite('rclone (webdav backend)', fixture(webdavBackend), suiteOptions);
