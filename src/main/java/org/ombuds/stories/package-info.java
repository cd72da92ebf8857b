/**
 * Stories for the office's publication series: fictitious accounts like the reference story ("Jane*
 * came to the Ombuds ..."), written from a case or from nothing.
 *
 * <h2>What lives here</h2>
 *
 * <ul>
 *   <li>{@link org.ombuds.stories.Stories}, the service: drafting (from a case, with every person
 *       renamed consistently by {@link org.ombuds.stories.Fictitious} and the {@link
 *       org.ombuds.stories.Disclaimer}), editing, the risk estimate with the whole organization as
 *       the audience ({@link org.ombuds.stories.StoryRisk}), sending for consent and the two ways
 *       out.
 *   <li>The two ways out. A story drawn from a case is a disclosure to the public like any other:
 *       it leaves only as the {@link org.ombuds.mandate.Outbound} the mandate mints on release,
 *       with the consent of the persons concerned, for the exact text consented to. A story written
 *       without a case leaves only as a {@link org.ombuds.stories.ClearedStory}, which only {@link
 *       org.ombuds.stories.OpenCaseCheck} mints, after finding none of the names or pseudonyms of
 *       any open case in it. Renderers (in {@code letters}) take one of these two capabilities.
 * </ul>
 *
 * <h2>Must not live here</h2>
 *
 * Frameworks, storage and rendering (ArchUnit checks it); any path by which a case story's text
 * could be exported without the mandate's release.
 */
package org.ombuds.stories;
