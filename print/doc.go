// Package print turns the school's documents into PDF with headless Chromium.
//
// Three parts, no HTTP:
//   - the templates: RenderPreconventions, RenderAttestations and RenderSlips turn typed
//     data (Preconvention, Attestation, Slip) into a Document, a self-contained HTML page
//     with its print stylesheet; a whole period is ONE Document, one sheet per student.
//     RenderPortfolio lays out a portfolio whose body the export wrote (export.WriteHTML);
//     RenderGrid prints a paper evaluation grid (Grid) with the QR code of its online form;
//   - the Service: one Chromium for the process, started on the first PDF, stopped when
//     idle, replaced after a crash and every Options.MaxJobs documents, with a bounded
//     queue and a timeout per document;
//   - Batches: a print too long for a request runs in the background; the page polls its
//     Progress, then downloads its File.
//
// A handler for one document:
//
//	doc, err := print.RenderPreconventions(p)
//	pdf, err := svc.PDF(c.Context(), doc) // errors.Is(err, print.ErrUnavailable): say how to install
//
// Without Chromium the app still runs: serve doc.HTML as the print view instead.
package print
