package demo

import (
	"fmt"
	"time"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/spf13/cobra"

	"livret/print"
)

// Command is `livret demo`: seed the demo school, print its logins, serve it.
func Command(app core.App) *cobra.Command {
	var addr string
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Crée l'établissement de démonstration (idempotent) et le sert",
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := app.RunAllMigrations(); err != nil {
				return err
			}
			logins, err := Seed(app, time.Now())
			if err != nil {
				return err
			}
			fmt.Printf("\nÉtablissement de démonstration prêt : http://%s/\n", addr)
			fmt.Printf("Mot de passe de tous les comptes : %s\n\n", Password)
			for _, l := range logins {
				fmt.Printf("  %-40s %-22s %s\n", l.Role, l.Name, l.Identity)
			}
			fmt.Println()
			if _, err := print.ChromePath(); err != nil {
				fmt.Printf("⚠ %s\n\n", print.InstallHint)
			}
			return apis.Serve(app, apis.ServeConfig{HttpAddr: addr, ShowStartBanner: true})
		},
	}
	cmd.Flags().StringVar(&addr, "http", "127.0.0.1:8090", "adresse d'écoute HTTP")
	return cmd
}
