package accounts

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/pfmp"
)

func TestDecode(t *testing.T) {
	for _, tc := range []struct {
		name, data, text, encoding, err string
	}{
		{name: "UTF-8", data: "Nom;Prénom\n", text: "Nom;Prénom\n", encoding: EncodingUTF8},
		{name: "UTF-8 with BOM", data: "\xEF\xBB\xBFNom;Prénom\n", text: "Nom;Prénom\n", encoding: EncodingUTF8},
		{name: "Windows-1252", data: "Nom;Pr\xE9nom;C\x9Cur\n", text: "Nom;Prénom;Cœur\n", encoding: EncodingWindows},
		{name: "empty", data: "", err: "Le fichier est vide"},
		{name: "blank", data: " \r\n\r\n", err: "Le fichier est vide"},
		{name: "BOM alone", data: "\xEF\xBB\xBF\r\n", err: "Le fichier est vide"},
		{name: "xlsx", data: "PK\x03\x04\x14\x00\x06\x00", err: "classeur"},
		{name: "xls", data: "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", err: "classeur"},
		{name: "UTF-16", data: "\xFF\xFEN\x00o\x00m\x00", err: "UTF-16"},
		{name: "PNG", data: "\x89PNG\r\n\x1A\n\x00\x00\x00\rIHDR", err: "binaires"},
		{name: "controls", data: "Nom\x01\x02\x03\x04;Pr\x05\x06", err: "binaires"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text, enc, err := Decode([]byte(tc.data))
			if tc.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tc.err)
				assert.Equal(t, pfmp.ErrInvalid, pfmp.KindOf(err))
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.text, text)
			assert.Equal(t, tc.encoding, enc)
		})
	}
}

func TestDecodeRefusesAFileOverTheLimit(t *testing.T) {
	_, _, err := Decode(bytes.Repeat([]byte("a;b\n"), MaxFileSize/4+1))
	require.Error(t, err)
	assert.Equal(t, pfmp.ErrTooLarge, pfmp.KindOf(err))
	assert.Contains(t, err.Error(), "ne peut pas dépasser 2 Mo")
}
