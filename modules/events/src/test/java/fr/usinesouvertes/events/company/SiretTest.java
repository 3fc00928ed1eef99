package fr.usinesouvertes.events.company;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SiretTest {

    @Test
    void aNumberWithAValidLuhnKeyPasses() {
        assertThat(Siret.isValid("73282932000074")).isTrue();
        assertThat(Siret.isValid("732 829 320 00074")).isTrue();
        assertThat(Siret.digits("732 829 320 00074")).isEqualTo("73282932000074");
    }

    @Test
    void aWrongKeyOrLengthFails() {
        assertThat(Siret.isValid("73282932000075")).isFalse();
        assertThat(Siret.isValid("7328293200007")).isFalse();
        assertThat(Siret.isValid("7328293200007A")).isFalse();
        assertThat(Siret.isValid(null)).isFalse();
    }

    @Test
    void laPosteEstablishmentsUseTheirOwnRule() {
        assertThat(Siret.isValid("35600000049837")).isTrue(); // digit sum multiple of 5, Luhn fails
        assertThat(Siret.isValid("35600000000048")).isFalse(); // Luhn passes, digit sum does not
    }
}
