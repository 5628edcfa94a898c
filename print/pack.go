package print

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
)

// pack makes a batch's download: the PDF itself for one document, else a ZIP holding one
// PDF per document, each named after its title.
func pack(fileName string, docs []Document, pdfs [][]byte) (File, error) {
	if len(pdfs) == 1 {
		return File{Name: fileName, ContentType: "application/pdf", Data: pdfs[0]}, nil
	}
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	used := map[string]bool{}
	for i, pdf := range pdfs {
		f, err := w.Create(zipName(docs[i].Title, used))
		if err != nil {
			return File{}, err
		}
		if _, err := f.Write(pdf); err != nil {
			return File{}, err
		}
	}
	if err := w.Close(); err != nil {
		return File{}, err
	}
	return File{Name: fileName, ContentType: "application/zip", Data: buf.Bytes()}, nil
}

// zipName is "<title>.pdf", flat (no folder from a slash in a name) and unique in the
// archive: two students of the same name get "… (2).pdf".
func zipName(title string, used map[string]bool) string {
	base := strings.NewReplacer("/", "-", `\`, "-").Replace(strings.TrimSpace(title))
	if base == "" {
		base = "document"
	}
	name := base + ".pdf"
	for n := 2; used[name]; n++ {
		name = fmt.Sprintf("%s (%d).pdf", base, n)
	}
	used[name] = true
	return name
}
