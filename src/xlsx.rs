//! The one writer of Excel workbooks: a [`Workbook`] description (`store::workbook`)
//! becomes the bytes of an `.xlsx` file, by rust_xlsxwriter. `mtfp export-xlsx` calls it
//! natively; in the browser only the third wasm module (bin `planner-xlsx`) does, so the
//! workspace's own download does not carry the writer.
//!
//! Numbers are written as Excel stores them, as binary floating point: a figure to the
//! penny of up to 15 significant digits (every amount a scenario allows: at most £1
//! trillion) reads back as the same decimal. A formula's cached value is written as the
//! model's decimal text itself.

use rust_decimal::Decimal;
use rust_xlsxwriter::{
    Color, DocProperties, Format, FormatAlign, FormatBorder, Formula, Workbook as Book, XlsxError,
};

use crate::store::workbook::{Style, Value, Workbook, MONEY_FORMAT, TWO_PLACES_FORMAT};

pub use crate::store::workbook::MIME;

/// Excel's paper size code for A4.
const A4: u8 = 9;

/// The format of each [`Style`]; every cell reads from the top, so a row made tall by a
/// wrapped source still lines up.
fn format(style: Style) -> Format {
    let grey = Color::RGB(0x59_59_59);
    let base = Format::new().set_align(FormatAlign::Top);
    match style {
        Style::Plain => base,
        Style::Title => base.set_bold().set_font_size(14),
        Style::Note => base.set_italic().set_font_color(grey),
        Style::Header => base
            .set_bold()
            .set_background_color(Color::RGB(0xE7_EC_F2))
            .set_border_bottom(FormatBorder::Thin),
        Style::Money => base.set_num_format(MONEY_FORMAT),
        Style::Total => base.set_bold().set_num_format(MONEY_FORMAT),
        Style::TwoPlaces => base.set_num_format(TWO_PLACES_FORMAT),
        Style::Bold => base.set_bold(),
        Style::Wrapped => base.set_text_wrap(),
    }
}

/// A Decimal as the nearest binary floating-point number (Excel's own number type).
fn number(value: Decimal) -> f64 {
    value.to_string().parse().unwrap_or(0.0)
}

fn failed(e: XlsxError) -> String {
    format!("the workbook could not be written: {e}")
}

/// The `.xlsx` file of `book`.
pub fn write(book: &Workbook) -> Result<Vec<u8>, String> {
    let mut out = Book::new();
    out.set_properties(
        &DocProperties::new()
            .set_title(&book.title)
            .set_comment("Exported by the MTFP planner"),
    );
    for sheet in &book.sheets {
        let ws = out.add_worksheet();
        ws.set_name(&sheet.name).map_err(failed)?;
        for (column, width) in (0u16..).zip(&sheet.widths) {
            ws.set_column_width(column, *width).map_err(failed)?;
        }
        for (row, cells) in (0u32..).zip(&sheet.rows) {
            for (column, cell) in (0u16..).zip(cells) {
                let f = format(cell.style);
                match &cell.value {
                    Value::Empty => ws.write_blank(row, column, &f),
                    Value::Text(text) => ws.write_string_with_format(row, column, text, &f),
                    Value::Number(v) => ws.write_number_with_format(row, column, number(*v), &f),
                    Value::Formula { formula, cached } => ws.write_formula_with_format(
                        row,
                        column,
                        Formula::new(formula).set_result(cached.to_string()),
                        &f,
                    ),
                }
                .map_err(failed)?;
            }
        }
        if sheet.frozen_rows > 0 || sheet.frozen_columns > 0 {
            ws.set_freeze_panes(sheet.frozen_rows, sheet.frozen_columns)
                .map_err(failed)?;
        }
        // Printed: A4 landscape, one page wide, the frozen rows and columns on every page,
        // and page numbers.
        ws.set_paper_size(A4)
            .set_landscape()
            .set_print_fit_to_pages(1, 0)
            .set_footer("&CPage &P of &N");
        if let Some(last) = sheet.frozen_rows.checked_sub(1) {
            ws.set_repeat_rows(0, last).map_err(failed)?;
        }
        if let Some(last) = sheet.frozen_columns.checked_sub(1) {
            ws.set_repeat_columns(0, last).map_err(failed)?;
        }
    }
    out.save_to_buffer().map_err(failed)
}

/// The workbook of `scenario` (projected here), as `.xlsx` bytes: what the app's "Workbook
/// (Excel)" button and `mtfp export-xlsx` write. A scenario the model cannot project gives
/// the model's message.
pub fn scenario_workbook(scenario: &crate::model::Scenario) -> Result<Vec<u8>, String> {
    let projection = crate::model::project(scenario).map_err(|e| e.to_string())?;
    write(&crate::store::workbook::workbook(scenario, &projection))
}
