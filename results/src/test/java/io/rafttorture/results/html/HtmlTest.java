package io.rafttorture.results.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What reaches the page: escaped, shown as Knossos prints values, and cut when too long. */
class HtmlTest {
    @Test
    void markupAndQuotesAreEscaped() {
        assertThat(Html.esc("<a href=\"x\">'&'</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        assertThat(Html.esc(null)).isEmpty();
    }

    @Test
    void valuesReadAsInKnossos() {
        assertThat(Html.show(Arrays.asList(3L, null))).isEqualTo("[3 nil]");
        assertThat(Html.show(List.of(1L, List.of(0L, 2L)))).isEqualTo("[1 [0 2]]");
        assertThat(Html.show(null)).isEqualTo("nil");
    }

    @Test
    void longTextIsCutWithAnEllipsis() {
        assertThat(Html.cap("abcdef", 4)).isEqualTo("abc\u2026").hasSize(4);
        assertThat(Html.cap("abc", 4)).isEqualTo("abc");
    }
}
