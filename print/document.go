package print

// Document is one HTML document ready to print. The web layer can also serve HTML as is:
// the print view stays readable in a browser when Chromium is missing.
type Document struct {
	Title  string // the PDF's title and the HTML page's <title>
	Footer string // left of « page 2 / 3 » at the bottom of every page: the school's name
	HTML   []byte
	// Sections is how many students' sections HTML holds, for a batch's progress (0 counts as 1).
	Sections int
}

func (d Document) sections() int {
	return max(d.Sections, 1)
}
