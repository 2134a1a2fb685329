//! Where a chart's tooltip sits: above or below its mark's row, inside the chart.

use super::tip::Tip;
use crate::chart::layout::{place_tooltip, Layout, Placement, Rect};
use crate::model::Lang;
use crate::state::Read;
use leptos::html;
use leptos::prelude::*;

/// Places the tooltip of mark `i` of `l`, drawn `outer` (width, height) CSS pixels large,
/// once it has a `size` (width, height): a pixel apart from its row, so that rounding
/// never lets it touch the row. `None` for a mark the layout does not have.
pub(super) fn place(
    l: &Layout,
    i: usize,
    outer: (f64, f64),
    size: (f64, f64),
) -> Option<Placement> {
    let mark = l.marks.get(i)?;
    let k = outer.0 / l.width;
    let r = mark.hit;
    let hit = Rect {
        x: r.x * k,
        y: r.y * k,
        w: r.w * k,
        h: r.h * k,
    };
    let bounds = Rect {
        x: 0.0,
        y: 0.0,
        w: outer.0,
        h: outer.1,
    };
    Some(place_tooltip(hit, mark.rect.right() * k, size, bounds, 1.0))
}

/// Where the open tooltip sits, and for which mark (it is shown once placed for the open
/// one): measured a frame after it opens, and again when the layout or the language (its
/// size) changes.
pub(super) fn use_placement(
    tip: Tip,
    layout: Memo<Option<Layout>>,
    lang: Read<Lang>,
    tip_ref: NodeRef<html::Div>,
    box_ref: NodeRef<html::Div>,
) -> Read<Option<(usize, Placement)>> {
    let placement = RwSignal::new(None::<(usize, Placement)>);
    Effect::new(move |_| {
        lang.track(); // the tooltip's size changes with its language
        let Some(i) = tip.open() else {
            return;
        };
        let Some(l) = layout.get() else {
            return;
        };
        request_animation_frame(move || {
            let (Some(el), Some(bx)) = (tip_ref.get_untracked(), box_ref.get_untracked()) else {
                return;
            };
            let outer = bx.get_bounding_client_rect();
            let size = (f64::from(el.offset_width()), f64::from(el.offset_height()));
            let at = place(&l, i, (outer.width(), outer.height()), size).map(|p| (i, p));
            if at.is_some() && placement.get_untracked() != at {
                placement.set(at);
            }
        });
    });
    Read::of(placement)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::layout::layout;
    use crate::chart::spec::ChartKind;
    use crate::data::chart_data;
    use crate::view::ScaleKind;

    /// Each mark's tooltip, in a chart drawn at twice its layout's size, sits inside the
    /// chart, off its row, and a mark the chart lacks has none.
    #[test]
    fn a_tooltip_sits_beside_its_row_in_the_drawn_chart() {
        let l = layout(
            chart_data(ChartKind::Money),
            360.0,
            Lang::ZhHans,
            ScaleKind::Linear,
        );
        let outer = (l.width * 2.0, l.height * 2.0);
        let size = (120.0, 60.0);
        assert!(!l.marks.is_empty());
        for (i, mark) in l.marks.iter().enumerate() {
            let p = place(&l, i, outer, size).unwrap();
            let (top, bottom) = (mark.hit.y * 2.0, (mark.hit.y + mark.hit.h) * 2.0);
            if p.above {
                assert!(p.y + size.1 < top, "mark {i}: {p:?} over its row at {top}");
            } else {
                assert!(p.y > bottom, "mark {i}: {p:?} over its row at {bottom}");
            }
            assert!(p.x >= 0.0 && p.x + size.0 <= outer.0, "mark {i}: {p:?}");
        }
        assert_eq!(place(&l, l.marks.len(), outer, size), None);
    }
}
