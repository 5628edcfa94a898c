package export

import (
	"archive/zip"
	"bufio"
	"fmt"
	"hash/crc32"
	"io"
)

// zipPart is one file of a DOCX or ODT package.
type zipPart struct {
	name  string
	write func(xmlWriter)
}

// dosEpoch is 1980-01-01 in the zip's MS-DOS date field: every entry carries this fixed
// date and no extended-time extra field, so the same portfolio always gives the same bytes
// and the ODT's mimetype entry has no extra field, as ODF requires.
const dosEpoch = 1<<5 | 1

// writeZip writes first (if any) stored uncompressed, then the parts deflated, in order.
func writeZip(w io.Writer, first *storedFile, parts []zipPart) error {
	zw := zip.NewWriter(w)
	if first != nil {
		if err := first.writeTo(zw); err != nil {
			return err
		}
	}
	bw := bufio.NewWriterSize(nil, 32<<10)
	for _, p := range parts {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, ModifiedDate: dosEpoch})
		if err != nil {
			return fmt.Errorf("export : %s : %w", p.name, err)
		}
		bw.Reset(fw)
		p.write(xmlWriter{bw})
		if err := bw.Flush(); err != nil {
			return fmt.Errorf("export : %s : %w", p.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("export : %w", err)
	}
	return nil
}

// storedFile is an uncompressed entry with its sizes and checksum in the local header (no
// data descriptor): what ODF asks of the mimetype file, readable at a fixed offset.
type storedFile struct {
	name, content string
}

func (s *storedFile) writeTo(zw *zip.Writer) error {
	fw, err := zw.CreateRaw(&zip.FileHeader{
		Name: s.name, Method: zip.Store, ModifiedDate: dosEpoch,
		CRC32:            crc32.ChecksumIEEE([]byte(s.content)),
		CompressedSize64: uint64(len(s.content)), UncompressedSize64: uint64(len(s.content)),
	})
	if err == nil {
		_, err = io.WriteString(fw, s.content)
	}
	if err != nil {
		return fmt.Errorf("export : %s : %w", s.name, err)
	}
	return nil
}
