//! The SVG that plotters draws our charts into.
//!
//! plotters' own SVG backend writes every number through `f64` formatting (font sizes like
//! `12.096774193548388`, `opacity="1"` on every shape) and repeats the font family on each
//! label. This one writes what a chart needs and no more: whole-pixel coordinates, colours
//! as `#rrggbb`, opacity only when a colour is see-through (in thousandths), font sizes to a
//! tenth of a pixel, and the font family once on the root. The page parses less on every
//! redraw, and the app carries no float formatting.

use std::convert::Infallible;
use std::fmt::Write as _;

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle, FontTransform,
};

/// The font family set on the root element, so labels in it need not repeat it.
const ROOT_FONT: &str = "sans-serif";

/// Draws into `out`: [`Svg::new`] writes the opening `<svg>` tag, [`Svg::finish`] the closing
/// one.
pub struct Svg<'a> {
    out: &'a mut String,
    size: (u32, u32),
}

type Drawn = Result<(), DrawingErrorKind<Infallible>>;

impl<'a> Svg<'a> {
    /// Start a drawing `width` × `height` pixels; it scales with its container.
    pub fn new(out: &'a mut String, (width, height): (u32, u32)) -> Self {
        let _ = write!(
            out,
            r#"<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="{ROOT_FONT}" xmlns="http://www.w3.org/2000/svg">"#
        );
        out.push('\n');
        Svg {
            out,
            size: (width, height),
        }
    }

    /// Close the drawing begun in `out` by [`Svg::new`].
    pub fn finish(out: &mut String) {
        out.push_str("</svg>\n");
    }

    fn open(&mut self, tag: &str) {
        self.out.push('<');
        self.out.push_str(tag);
    }

    fn num(&mut self, name: &str, value: i64) {
        let _ = write!(self.out, r#" {name}="{value}""#);
    }

    fn colour(&mut self, name: &str, c: BackendColor) {
        let (r, g, b) = c.rgb;
        let _ = write!(self.out, r##" {name}="#{r:02x}{g:02x}{b:02x}""##);
        if let Some(thousandths) = see_through(c.alpha) {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("-opacity=\"");
            self.out.push_str(&fraction(thousandths, 3));
            self.out.push('"');
        }
    }

    fn stroke(&mut self, style: &impl BackendStyle) {
        self.colour("stroke", style.color());
        let width = style.stroke_width();
        if width != 1 {
            self.num("stroke-width", i64::from(width));
        }
    }

    /// A closed shape's paint: filled with the style's colour, or outlined in it.
    fn paint(&mut self, style: &impl BackendStyle, fill: bool) {
        if fill {
            self.colour("fill", style.color());
        } else {
            self.out.push_str(r#" fill="none""#);
            self.stroke(style);
        }
    }

    fn points(&mut self, points: impl IntoIterator<Item = BackendCoord>) {
        self.out.push_str(r#" points=""#);
        for (i, (x, y)) in points.into_iter().enumerate() {
            let sep = if i == 0 { "" } else { " " };
            let _ = write!(self.out, "{sep}{x},{y}");
        }
        self.out.push('"');
    }

    fn close(&mut self) {
        self.out.push_str("/>\n");
    }
}

/// Opacity in thousandths when `alpha` is see-through; `None` when it is opaque.
fn see_through(alpha: f64) -> Option<u32> {
    let thousandths = (alpha.clamp(0.0, 1.0) * 1000.0).round() as u32;
    (thousandths < 1000).then_some(thousandths)
}

/// `value` / 10^`places` as a decimal, trailing zeros dropped: (900, 3) → "0.9",
/// (121, 1) → "12.1", (120, 1) → "12".
fn fraction(value: u32, places: u32) -> String {
    let unit = 10u32.pow(places);
    let (whole, mut part) = (value / unit, value % unit);
    if part == 0 {
        return whole.to_string();
    }
    let mut digits = places;
    while part % 10 == 0 {
        part /= 10;
        digits -= 1;
    }
    format!("{whole}.{part:0width$}", width = digits as usize)
}

/// Escape text for an SVG text node or a double-quoted attribute. Characters XML 1.0
/// cannot carry at all (control characters other than tab and line breaks, U+FFFE and
/// U+FFFF) are left out, so an odd character in a name cannot break the drawing.
fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '\t' | '\n' | '\r' => out.push(c),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => {}
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// The width and height in pixels of `text` in a sans-serif font of line height `size`
/// (plotters' font size), estimated from typical glyph widths in ems: no font is loaded and
/// the page is not measured, so a chart lays out the same in every browser and in tests.
pub fn text_size(text: &str, size: f64) -> (u32, u32) {
    let em = size / 1.24;
    let ems: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.28,
            ' ' | '/' | '(' | ')' | 'f' | 't' | 'r' | '-' => 0.34,
            'm' | 'w' | 'M' | 'W' | '%' => 0.86,
            'A'..='Z' | '£' | '\u{2212}' => 0.66,
            _ => 0.56,
        })
        .sum();
    let width = (ems * em).ceil().clamp(0.0, 1e6) as u32;
    let height = size.ceil().clamp(0.0, 1e6) as u32;
    (width, height)
}

fn invisible(c: BackendColor) -> bool {
    see_through(c.alpha) == Some(0)
}

impl DrawingBackend for Svg<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, color: BackendColor) -> Drawn {
        self.draw_rect((x, y), (x + 1, y + 1), &color, true)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        if invisible(style.color()) {
            return Ok(());
        }
        self.open("line");
        self.num("x1", from.0.into());
        self.num("y1", from.1.into());
        self.num("x2", to.0.into());
        self.num("y2", to.1.into());
        self.stroke(style);
        self.close();
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn {
        if invisible(style.color()) {
            return Ok(());
        }
        let (x0, x1) = (
            upper_left.0.min(bottom_right.0),
            upper_left.0.max(bottom_right.0),
        );
        let (y0, y1) = (
            upper_left.1.min(bottom_right.1),
            upper_left.1.max(bottom_right.1),
        );
        self.open("rect");
        self.num("x", x0.into());
        self.num("y", y0.into());
        self.num("width", i64::from(x1) - i64::from(x0));
        self.num("height", i64::from(y1) - i64::from(y0));
        self.paint(style, fill);
        self.close();
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        if invisible(style.color()) {
            return Ok(());
        }
        self.open("polyline");
        self.out.push_str(r#" fill="none""#);
        self.stroke(style);
        self.points(path);
        self.close();
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        if invisible(style.color()) {
            return Ok(());
        }
        self.open("circle");
        self.num("cx", center.0.into());
        self.num("cy", center.1.into());
        self.num("r", radius.into());
        self.paint(style, fill);
        self.close();
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Drawn {
        if invisible(style.color()) {
            return Ok(());
        }
        self.open("polygon");
        self.points(vert);
        self.colour("fill", style.color());
        self.close();
        Ok(())
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Infallible>> {
        Ok(text_size(text, style.size()))
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Drawn {
        let colour = style.color();
        if invisible(colour) {
            return Ok(());
        }
        let anchor = style.anchor();
        self.open("text");
        self.num("x", pos.0.into());
        self.num("y", pos.1.into());
        // Where the anchor sits on the text: its top, middle or baseline side.
        match anchor.v_pos {
            VPos::Top => self.out.push_str(r#" dy="0.76em""#),
            VPos::Center => self.out.push_str(r#" dy="0.5ex""#),
            VPos::Bottom => self.out.push_str(r#" dy="-0.5ex""#),
        }
        match anchor.h_pos {
            HPos::Left => {}
            HPos::Center => self.out.push_str(r#" text-anchor="middle""#),
            HPos::Right => self.out.push_str(r#" text-anchor="end""#),
        }
        let family = style.family();
        if family.as_str() != ROOT_FONT {
            self.out.push_str(r#" font-family=""#);
            escape(self.out, family.as_str());
            self.out.push('"');
        }
        // plotters sizes a font by its line height; SVG's font-size is the em box, about
        // 1/1.24 of that. In tenths of a pixel.
        let tenths = (style.size() / 1.24 * 10.0).round().clamp(0.0, 1e6) as u32;
        let _ = write!(self.out, r#" font-size="{}""#, fraction(tenths, 1));
        match style.style() {
            FontStyle::Normal => {}
            FontStyle::Bold => self.out.push_str(r#" font-weight="bold""#),
            other => {
                let _ = write!(self.out, r#" font-style="{}""#, other.as_str());
            }
        }
        self.colour("fill", colour);
        let turn = match style.transform() {
            FontTransform::Rotate90 => 90,
            FontTransform::Rotate180 => 180,
            FontTransform::Rotate270 => 270,
            FontTransform::None => 0,
        };
        if turn != 0 {
            let _ = write!(
                self.out,
                r#" transform="rotate({turn}, {}, {})""#,
                pos.0, pos.1
            );
        }
        self.out.push('>');
        escape(self.out, text);
        self.out.push_str("</text>\n");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn drawn(f: impl FnOnce(&mut Svg) -> Drawn) -> String {
        let mut out = String::new();
        let mut svg = Svg::new(&mut out, (100, 50));
        f(&mut svg).unwrap();
        Svg::finish(&mut out);
        out
    }

    fn colour(rgb: (u8, u8, u8), alpha: f64) -> BackendColor {
        BackendColor { alpha, rgb }
    }

    #[test]
    fn fractions_drop_trailing_zeros() {
        assert_eq!(fraction(900, 3), "0.9");
        assert_eq!(fraction(5, 3), "0.005");
        assert_eq!(fraction(121, 1), "12.1");
        assert_eq!(fraction(120, 1), "12");
        assert_eq!(fraction(0, 3), "0");
    }

    #[test]
    fn text_is_measured_without_a_page() {
        // Line height 15 px is an em of 12.1 px: "2,400" is 4 digits and a comma.
        assert_eq!(text_size("2,400", 15.0), (31, 15));
        assert_eq!(text_size("", 15.0), (0, 15));
        assert!(text_size("Officers", 14.0).0 > text_size("Officer", 14.0).0);
    }

    #[test]
    fn opacity_is_written_only_when_see_through() {
        assert_eq!(see_through(1.0), None);
        assert_eq!(see_through(0.9995), None);
        assert_eq!(see_through(0.9), Some(900));
        assert_eq!(see_through(0.0), Some(0));
        assert_eq!(see_through(f64::NAN), Some(0));
    }

    #[test]
    fn shapes_are_written_in_whole_pixels() {
        let out = drawn(|s| {
            s.draw_rect((10, 40), (20, 5), &colour((0, 114, 178), 1.0), true)?;
            s.draw_line((0, 1), (99, 1), &colour((220, 220, 220), 0.9))?;
            s.draw_path([(1, 2), (3, 4)], &colour((255, 0, 0), 1.0))?;
            s.draw_circle((5, 6), 4, &colour((0, 0, 0), 1.0), true)?;
            s.draw_rect((1, 1), (3, 3), &colour((0, 0, 0), 1.0), false)?;
            // Fully transparent: nothing drawn.
            s.draw_line((0, 0), (1, 1), &colour((0, 0, 0), 0.0))
        });
        assert_eq!(
            out,
            concat!(
                r#"<svg width="100" height="50" viewBox="0 0 100 50" font-family="sans-serif" xmlns="http://www.w3.org/2000/svg">"#,
                "\n",
                r##"<rect x="10" y="5" width="10" height="35" fill="#0072b2"/>"##,
                "\n",
                r##"<line x1="0" y1="1" x2="99" y2="1" stroke="#dcdcdc" stroke-opacity="0.9"/>"##,
                "\n",
                r##"<polyline fill="none" stroke="#ff0000" points="1,2 3,4"/>"##,
                "\n",
                r##"<circle cx="5" cy="6" r="4" fill="#000000"/>"##,
                "\n",
                r##"<rect x="1" y="1" width="2" height="2" fill="none" stroke="#000000"/>"##,
                "\n</svg>\n"
            )
        );
    }

    #[test]
    fn text_is_escaped_and_sized_to_a_tenth() {
        use plotters::style::{IntoFont, TextStyle};
        let style = TextStyle::from(("sans-serif", 15).into_font()).pos(
            plotters_backend::text_anchor::Pos::new(HPos::Right, VPos::Center),
        );
        let out = drawn(|s| s.draw_text("R&D <£1m>\u{1} \"net\"", &style, (66, 353)));
        assert!(
            out.contains(
                r##"<text x="66" y="353" dy="0.5ex" text-anchor="end" font-size="12.1" fill="#000000">R&amp;D &lt;£1m&gt; &quot;net&quot;</text>"##
            ),
            "{out}"
        );
        // A family other than the root's is named, escaped, on the label.
        let serif = TextStyle::from(("Gill \"Sans\"", 15).into_font());
        let out = drawn(|s| s.draw_text("x", &serif, (0, 0)));
        assert!(
            out.contains(r#" dy="0.76em" font-family="Gill &quot;Sans&quot;" font-size="12.1""#),
            "{out}"
        );
    }
}
