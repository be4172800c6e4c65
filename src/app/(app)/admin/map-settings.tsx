"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useWatch } from "react-hook-form";
import { Alert } from "~/components/ui/alert";
import { Switch } from "~/components/ui/switch";
import { Button, SubmitButton } from "~/components/ui/button";
import { Form } from "~/components/ui/form";
import { FormField } from "~/components/ui/form-field";
import { useZodForm } from "~/components/ui/use-zod-form";
import { DEFAULT_MAP_ATTRIBUTION, DEFAULT_MAP_TILE_URL } from "~/lib/map-tiles";
import { mapSettingsFormSchema } from "~/lib/settings";
import { useTRPC } from "~/trpc/react";

type Props = { enabled: boolean; tileUrl: string; attribution: string };

/** The Site settings' "Maps" part: maps on or off, and where the browser fetches the map's
 *  tiles from (with the attribution the tile server asks for), or back to OpenStreetMap's. */
export function MapSettings({ enabled, tileUrl, attribution }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = trpc.admin.settings.update.mutationOptions({
    onSuccess: (data) => {
      queryClient.setQueryData(trpc.admin.settings.get.queryKey(), data);
      void queryClient.invalidateQueries({ queryKey: trpc.maps.settings.queryKey() });
    },
  });
  const toggle = useMutation(options);
  const update = useMutation(options);
  const form = useZodForm(mapSettingsFormSchema, { mapTileUrl: tileUrl, mapAttribution: attribution });
  const [url, credit] = useWatch({ control: form.control, name: ["mapTileUrl", "mapAttribution"] });
  const unchanged = url?.trim() === tileUrl && credit?.trim() === attribution;
  const isDefault = tileUrl === DEFAULT_MAP_TILE_URL && attribution === DEFAULT_MAP_ATTRIBUTION;

  const reset = async () => {
    form.reset({ mapTileUrl: DEFAULT_MAP_TILE_URL, mapAttribution: DEFAULT_MAP_ATTRIBUTION });
    await update.mutateAsync({ mapTileUrl: DEFAULT_MAP_TILE_URL, mapAttribution: DEFAULT_MAP_ATTRIBUTION }).catch(() => {});
  };

  return (
    <fieldset className="space-y-3 border-t border-slate-200 pt-4 dark:border-slate-700">
      <legend className="sr-only">Maps</legend>
      <h3 className="font-semibold">Maps</h3>
      <Switch checked={enabled} label="Show maps" disabled={toggle.isPending} onChange={(on) => toggle.mutate({ mapsEnabled: on })}>
        <Alert tone="success">
          {toggle.isSuccess && (enabled ? "Saved: maps are on." : "Saved: maps are off. The map page says so and no tile is fetched.")}
        </Alert>
      </Switch>
      <Alert>{toggle.error?.message}</Alert>
      <p className="text-slate-600 dark:text-slate-400">
        The browser of each user fetches the map&apos;s tiles from this server. OpenStreetMap&apos;s public tiles are free for light use; a busy
        site should use its own tile server or a provider&apos;s.
      </p>
      <Form form={form} onValid={(values) => update.mutateAsync(values)} className="space-y-2">
        <FormField
          form={form}
          name="mapTileUrl"
          label="Tile URL"
          hint="http(s), with {z}, {x} and {y} for zoom, column and row; {s} for a subdomain and {r} for sharp screens if the server has them."
          autoComplete="off"
          spellCheck={false}
          inputMode="url"
        />
        <FormField
          form={form}
          name="mapAttribution"
          label="Attribution"
          hint="Shown in the map's corner, as the tile server's terms ask. Text and links (<a href>); other markup is not shown."
          autoComplete="off"
        />
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton variant="secondary" busy={form.formState.isSubmitting} busyText="Saving…" disabled={unchanged}>
            Save map tiles
          </SubmitButton>
          <Button variant="link" onClick={() => void reset()} disabled={isDefault || update.isPending}>
            Reset to OpenStreetMap
          </Button>
          <Alert tone="success">{update.isSuccess && unchanged && "Saved: maps use these tiles from now on."}</Alert>
        </div>
        <Alert>{update.error && !form.formState.errors.mapTileUrl && !form.formState.errors.mapAttribution && update.error.message}</Alert>
      </Form>
    </fieldset>
  );
}
