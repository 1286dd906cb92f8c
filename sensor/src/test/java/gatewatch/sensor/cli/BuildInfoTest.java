package gatewatch.sensor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildInfoTest {
    /** As jdeb's snapshotExpand names the .deb, so that --version and dpkg -s agree. */
    @Test
    void aSnapshotIsNamedAfterItsBuildTime() {
        assertThat(BuildInfo.debianVersion("0.1.0-SNAPSHOT", "20261207035917")).isEqualTo("0.1.0~20261207035917");
        assertThat(BuildInfo.debianVersion("0.1.0", "20261207035917")).isEqualTo("0.1.0");
        assertThat(BuildInfo.debianVersion("0.1.0-SNAPSHOT", "${gatewatch.build.timestamp}")).isEqualTo("0.1.0-SNAPSHOT");
    }

    @Test
    void theBuildRecordsItsTimestamp() {
        assertThat(BuildInfo.version()).matches("[0-9.]+(~[0-9]{14})?");
    }
}
