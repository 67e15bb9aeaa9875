package io.headroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void countsTakeTheSingularForOneOnly() {
        assertThat(Formats.count(0, "span")).isEqualTo("0 spans");
        assertThat(Formats.count(1, "log record")).isEqualTo("1 log record");
        assertThat(Formats.count(2, "service")).isEqualTo("2 services");
    }

    @Test
    void percentagesKeepTheirDigitsWhenNegative() {
        assertThat(Formats.percent(0.0437)).isEqualTo("4.4 %");
        assertThat(Formats.percent(-3.5)).isEqualTo("-350 %");
        assertThat(Formats.percent(-0.0004)).isEqualTo("-0.04 %");
    }

    @Test
    void sharesShowTheDigitsThatTellObjectivesApart() {
        assertThat(Formats.share(0.99)).isEqualTo("99 %");
        assertThat(Formats.share(0.999)).isEqualTo("99.9 %");
        assertThat(Formats.share(0.99953)).isEqualTo("99.953 %");
        assertThat(Formats.share(0.9565217)).isEqualTo("95.652 %");
    }

    @Test
    void moneyHasTwoDecimalsFromOneAndThreeSignificantDigitsBelow() {
        assertThat(Formats.money(null)).isEqualTo("–");
        assertThat(Formats.money(0.0)).isEqualTo("0");
        assertThat(Formats.money(1234.5)).isEqualTo("1,234.50");
        assertThat(Formats.money(0.096)).isEqualTo("0.096");
        assertThat(Formats.money(0.000023148)).isEqualTo("0.0000231");
    }

    @Test
    void formFieldsShowAndReadPercentagesWithoutBinaryArtefacts() {
        assertThat(Formats.percentOf(0.037)).isEqualTo(3.7);
        assertThat(Formats.percentOf(0.9995)).isEqualTo(99.95);
        assertThat(Formats.percentOf(0.25)).isEqualTo(25.0);
        assertThat(Formats.fractionOf(3.7)).isEqualTo(0.037);
        assertThat(Formats.fractionOf(99.95)).isEqualTo(0.9995);
        assertThat(Formats.fractionOf(99.9999)).isEqualTo(0.999999);
    }
}
