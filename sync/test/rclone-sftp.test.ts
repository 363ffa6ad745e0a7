// The provider conformance suite for the rclone provider over rclone's sftp backend.
import { runProviderSuite } from './conformance/suite.js';
import { fixture, sftpBackend, suiteOptions } from './rclone-fixtures.js';

runProviderSuite('rclone (sftp backend)', fixture(sftpBackend), suiteOptions);
