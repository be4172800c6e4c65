"use client";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { plural } from "~/lib/plural";
import { isBlankSearch, searchFormSchema, searchFormValues, searchHref, type SearchInput } from "~/lib/search-url";
import { Button, SubmitButton } from "../ui/button";
import { Form } from "../ui/form";
import { CheckboxField, FormField, SelectField } from "../ui/form-field";
import { useZodForm } from "../ui/use-zod-form";

type Props = {
  /** the search the page shows (from its URL) */
  input: SearchInput;
  /** the cameras of the user's photos, as photos.cameras lists them */
  cameras: { name: string; count: number }[];
};

const RATINGS = [["", "Any rating"], ...[1, 2, 3, 4, 5].map((n) => [String(n), `${"★".repeat(n)}${n < 5 ? " or more" : ""}`] as const)] as const;

/**
 * The search: free text and filters, kept in the URL. Submitting opens /search with the new
 * query (a history entry, so Back returns to the previous search); blanks mean "any". On a
 * phone the filters fold away under a button while only words are searched, so the results
 * come right below the box; wider screens always show them.
 */
export function SearchForm({ input, cameras }: Props) {
  const router = useRouter();
  const form = useZodForm(searchFormSchema, searchFormValues(input));
  const filtersSet = Object.keys(input).filter((key) => key !== "q").length;
  const [showFilters, setShowFilters] = useState(filtersSet > 0 || isBlankSearch(input));
  const filtersId = useId();
  // a camera in the URL that the list no longer has (its photos gone) still shows as chosen
  const cameraNames = cameras.some((c) => c.name === input.camera) || !input.camera ? cameras : [...cameras, { name: input.camera, count: 0 }];
  return (
    <Form form={form} onValid={(values) => router.push(searchHref(values))} className="space-y-4">
      <div role="search" className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <FormField
          form={form}
          name="q"
          label="Search"
          type="search"
          placeholder="File or folder name, camera, keyword, tag, album…"
          hint="Every word must match the start of a word: “beach 2019” finds beach_2019.jpg and photos tagged beach in a folder 2019."
          className="flex-1"
        />
        <SubmitButton busy={false} className="sm:mb-6">
          Search
        </SubmitButton>
      </div>
      <Button variant="link" className="sm:hidden" aria-expanded={showFilters} aria-controls={filtersId} onClick={() => setShowFilters((s) => !s)}>
        {showFilters ? "Hide filters" : filtersSet ? `Filters (${filtersSet} set)` : "Filters"}
      </Button>
      <fieldset id={filtersId} className={`${showFilters ? "grid" : "hidden"} grid-cols-1 gap-3 sm:grid sm:grid-cols-2 lg:grid-cols-4`}>
        <legend className="sr-only">Filters</legend>
        <FormField form={form} name="from" label="Taken from" type="date" hint="The day where it was taken" />
        <FormField form={form} name="to" label="Taken until" type="date" hint="Inclusive" />
        <SelectField
          form={form}
          name="mediaType"
          label="Kind"
          options={[
            ["", "Photos and videos"],
            ["photo", "Photos only"],
            ["video", "Videos only"],
          ]}
        />
        <SelectField form={form} name="minRating" label="Rating" options={RATINGS} />
        <SelectField
          form={form}
          name="hasLocation"
          label="Location"
          options={[
            ["", "With or without"],
            ["true", "With a location"],
            ["false", "Without a location"],
          ]}
        />
        <SelectField
          form={form}
          name="camera"
          label="Camera"
          options={[["", cameras.length ? "Any camera" : "No camera known"], ...cameraNames.map((c) => [c.name, c.count ? `${c.name} (${plural(c.count, "photo")})` : c.name] as const)]}
        />
        <div className="flex items-center sm:pt-6">
          <CheckboxField form={form} name="favorite" label="Favorites only" />
        </div>
        <div className="flex items-center sm:pt-6">
          <Button
            variant="link"
            onClick={() => {
              form.reset(searchFormValues({}));
              router.push("/search");
            }}
          >
            Clear everything
          </Button>
        </div>
      </fieldset>
    </Form>
  );
}
