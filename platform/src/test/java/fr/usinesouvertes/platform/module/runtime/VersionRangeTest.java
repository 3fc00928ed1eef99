package fr.usinesouvertes.platform.module.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionRangeTest {

    private static ModuleVersion v(String text) {
        return ModuleVersion.parse(text);
    }

    @Test
    void versionsCompareNumericallySegmentBySegment() {
        assertThat(v("1.10")).isGreaterThan(v("1.9"));
        assertThat(v("1.2")).isEqualByComparingTo(v("1.2.0")).isEqualTo(v("1.2.0"));
        assertThat(v("1.2").hashCode()).isEqualTo(v("1.2.0").hashCode());
        assertThat(v("2.0-SNAPSHOT")).isEqualByComparingTo(v("2.0"));
        assertThat(v("10")).isGreaterThan(v("9.9.9"));
    }

    @Test
    void rangesFollowMagnoliaSyntax() {
        assertThat(VersionRange.parse("*").includes(v("0.1"))).isTrue();
        assertThat(VersionRange.parse("1.2").includes(v("1.2"))).isTrue();
        assertThat(VersionRange.parse("1.2").includes(v("7.0"))).isTrue();
        assertThat(VersionRange.parse("1.2").includes(v("1.1.9"))).isFalse();
        assertThat(VersionRange.parse("1.2/2.0").includes(v("2.0"))).isTrue();
        assertThat(VersionRange.parse("1.2/2.0").includes(v("1.2"))).isTrue();
        assertThat(VersionRange.parse("1.2/2.0").includes(v("2.0.1"))).isFalse();
        assertThat(VersionRange.parse("1.2/*").includes(v("9"))).isTrue();
    }

    @Test
    void malformedRangesAreRefused() {
        assertThatThrownBy(() -> VersionRange.parse("2.0/1.0")).hasMessageContaining("is empty");
        assertThatThrownBy(() -> VersionRange.parse("latest")).hasMessageContaining("not a version");
    }
}
