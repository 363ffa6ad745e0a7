// The S3 provider against S3Proxy (a real S3-compatible server) through the conformance suite.
import { runProviderSuite } from './conformance/suite.js';
import { s3Fixture, TEST_PART_SIZE } from './s3-fixture.js';

runProviderSuite('s3', s3Fixture, { partSize: TEST_PART_SIZE, concurrency: 64 });
