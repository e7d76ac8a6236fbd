import Testing

@testable import SpotConsole

@Suite("HTML escapes everything interpolated")
struct HTMLTests {
  @Test func interpolatedTextIsEscapedForTextAndAttributes() {
    let hostile = #"<script>alert("x")</script> & 'y'"#
    let html: HTML = "<td title=\"\(hostile)\">\(hostile)</td>"
    #expect(
      html.markup
        == "<td title=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;\">"
        + "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</td>"
    )
  }

  @Test func fragmentsAreInsertedAsMarkupAndPathSegmentsEncoded() {
    let inner: HTML = "<b>\("a<b")</b>"
    let html: HTML = "<p>\(inner)<a href=\"/callbacks/\(pathSegment: "x/\"y z")\">x</a></p>"
    #expect(html.markup == "<p><b>a&lt;b</b><a href=\"/callbacks/x%2F%22y%20z\">x</a></p>")
  }

  @Test func percentDecodingRefusesMalformedInput() {
    #expect(URLPath.decode("a%20b+c", plusIsSpace: true) == "a b c")
    #expect(URLPath.decode("%zz") == nil)
    #expect(URLPath.decode("%ff") == nil, "not UTF-8")
    #expect(URLPath.decode("%") == nil)
  }
}
