package print

import (
	"context"
	"errors"
	"html"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// A4 in inches, the unit of the DevTools protocol. The stylesheet's @page rule sets the
// same size and the margins (PreferCSSPageSize); these are the fallback.
const (
	a4Width  = 8.27
	a4Height = 11.69
	margin   = 0.6 // ~15 mm
	footerIn = 0.8 // ~20 mm: room for the footer
)

// waitAssets resolves once the fonts are loaded and every image has loaded or failed, so
// the PDF does not catch a page half drawn.
const waitAssets = `Promise.all([document.fonts.ready].concat(Array.from(document.images,
  img => img.complete ? null : new Promise(done => {
    img.addEventListener("load", done); img.addEventListener("error", done);
  })))).then(() => true)`

// tab is a page of the browser, kept open between documents: opening one costs about as
// much as printing a short document.
type tab struct {
	ctx   context.Context
	close context.CancelFunc
}

// takeTab returns an idle tab, or a new one (opened on its first use).
func (b *browser) takeTab() tab {
	select {
	case t := <-b.tabs:
		return t
	default:
		ctx, cancel := chromedp.NewContext(b.ctx)
		return tab{ctx, cancel}
	}
}

// putTab keeps t for the next document, or closes it when enough are kept.
func (b *browser) putTab(t tab) {
	select {
	case b.tabs <- t:
	default:
		t.close()
	}
}

// printTab prints doc in a tab of b. The document is loaded straight into the page: no web
// server, no URL length limit. A tab whose job failed or ran out of time is closed, not
// reused: it may still be loading.
func (b *browser) printTab(ctx context.Context, doc Document) ([]byte, error) {
	t := b.takeTab()
	// The tab lives in b.ctx, its commands run under ctx; closing the tab also ends its
	// opening, which ctx does not reach.
	stop := context.AfterFunc(ctx, t.close)
	pdf, err := chromedp.Run(t.ctx, func(_ context.Context, target *chromedp.Target) ([]byte, error) {
		return printDocument(ctx, target, doc)
	})
	if stop() && err == nil {
		b.putTab(t)
	} else {
		t.close()
	}
	return pdf, err
}

// printDocument loads doc in the page of target, waits for its fonts and images, prints it.
func printDocument(ctx context.Context, t *chromedp.Target, doc Document) ([]byte, error) {
	tree, err := cdp.Call(ctx, t, page.GetFrameTree, cdp.Empty{})
	if err != nil {
		return nil, err
	}
	_, err = cdp.Call(ctx, t, page.SetDocumentContent, page.SetDocumentContentParams{
		FrameID: tree.FrameTree.Frame.ID, HTML: string(doc.HTML),
	})
	if err != nil {
		return nil, err
	}
	if _, err := chromedp.Evaluate[bool](waitAssets, chromedp.EvalAwaitPromise)(ctx, t); err != nil {
		return nil, err
	}
	res, err := cdp.Call(ctx, t, page.PrintToPDF, pdfParams(doc.Footer))
	return res.Data, err
}

// pdfParams: A4 unless the stylesheet says otherwise, backgrounds (shaded headings), and the
// footer « <school>   page 2 / 3 » Chromium draws in the bottom margin.
func pdfParams(footer string) page.PrintToPDFParams {
	top, side, bottom := margin, margin, footerIn
	return page.PrintToPDFParams{
		PaperWidth: a4Width, PaperHeight: a4Height,
		MarginTop: &top, MarginBottom: &bottom, MarginLeft: &side, MarginRight: &side,
		PreferCSSPageSize:   new(true),
		PrintBackground:     new(true),
		DisplayHeaderFooter: new(true),
		HeaderTemplate:      "<span></span>",
		FooterTemplate:      footerTemplate(footer),
	}
}

// footerTemplate: the footer is a separate tiny page with its own default font size of 0.
func footerTemplate(school string) string {
	return `<div style="width:100%;box-sizing:border-box;padding:0 15mm;font:8pt 'DejaVu Sans','Liberation Sans',sans-serif;` +
		`display:flex;justify-content:space-between;color:#444">` +
		`<span>` + html.EscapeString(school) + `</span>` +
		`<span>page <span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`
}

// classify turns a job's error into one of the package's French errors. lost is checked
// first: when Chromium dies, every pending call fails, whatever else happened.
func (b *browser) classify(ctx context.Context, err error) error {
	switch {
	case err == nil:
		return nil
	case !b.alive():
		return fail(errLost, err)
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return fail(ErrTimeout, err)
	case ctx.Err() != nil:
		return fail(ErrCanceled, err)
	default:
		return fail(ErrFailed, err)
	}
}
